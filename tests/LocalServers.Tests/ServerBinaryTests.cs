using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.LocalServers.Tests;

public sealed class ServerBinaryTests
{
    [Fact]
    public void A_missing_binary_fails_naming_the_install_command()
    {
        var error = Assert.Throws<FileNotFoundException>(
            () => ServerBinary.Find(["no-such-server-binary"], ["/nonexistent"], "apt-get install -y no-such-server"));

        Assert.Contains("no-such-server-binary", error.Message, StringComparison.Ordinal);
        Assert.Contains("Install it with: apt-get install -y no-such-server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_a_binary_on_the_PATH()
    {
        var path = ServerBinary.Find(["sh"], [], "apt-get install -y dash");

        Assert.True(File.Exists(path), path);
    }
}
