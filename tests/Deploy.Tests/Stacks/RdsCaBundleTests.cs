using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// The connection strings verify Aurora's certificate against <see cref="AuroraDatabase.CaBundlePath"/>: the images
/// must hold the RDS certificate authorities there, and they must include one that signs the region's servers today.
/// </summary>
public sealed class RdsCaBundleTests
{
    private static readonly string ServiceDefaults = Path.Combine(RepositoryPaths.Root, "src", "ServiceDefaults");

    [Fact]
    public void ServiceDefaults_ships_the_bundle_to_every_service_output_under_the_name_the_connection_string_uses()
    {
        Assert.Equal("/app/" + AuroraDatabase.CaBundleFileName, AuroraDatabase.CaBundlePath);
        var item = XDocument.Load(Path.Combine(ServiceDefaults, "ServiceDefaults.csproj")).Descendants("None")
            .Single(e => (string?)e.Attribute("Include") == AuroraDatabase.CaBundleFileName);
        Assert.Equal("PreserveNewest", (string?)item.Attribute("CopyToPublishDirectory"));
        Assert.Equal("PreserveNewest", (string?)item.Attribute("CopyToOutputDirectory"));
    }

    [Fact]
    public void Bundle_holds_only_amazon_rds_authorities_and_a_current_root_for_the_region()
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(Path.Combine(ServiceDefaults, AuroraDatabase.CaBundleFileName));

        Assert.True(certificates.Count > 50, $"{certificates.Count} certificates: the global bundle has one set per region.");
        Assert.All(certificates, c => Assert.Contains("Amazon RDS", c.Subject, StringComparison.Ordinal));
        Assert.All(certificates, c => Assert.True(c.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, c.Subject));
        var region = RepositoryPaths.CommittedSettings.Region;
        var now = DateTime.UtcNow;
        Assert.Contains(certificates, c => c.Subject.Contains($"Amazon RDS {region} Root CA RSA2048 G1", StringComparison.Ordinal)
            && c.NotBefore <= now && now < c.NotAfter);
    }
}
