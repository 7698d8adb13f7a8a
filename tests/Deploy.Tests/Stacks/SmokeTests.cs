namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class SmokeTests(DevEnvironment dev) : IClassFixture<DevEnvironment>
{
    [Fact]
    public void Synthesizes()
    {
        Directory.CreateDirectory("/tmp/cdk-dev");
        foreach (var f in Directory.GetFiles(dev.OutputDirectory))
        {
            File.Copy(f, Path.Combine("/tmp/cdk-dev", Path.GetFileName(f)), true);
        }

        Assert.NotEmpty(dev.EnvironmentJson["Resources"]!.AsObject());
    }
}
