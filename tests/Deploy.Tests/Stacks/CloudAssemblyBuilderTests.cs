using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class CloudAssemblyBuilderTests
{
    private static readonly DeploymentSettings Settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);

    [Theory]
    [InlineData("")]
    [InlineData("latest tag")]
    [InlineData(".starts-with-dot")]
    public void Rejects_an_invalid_image_tag_before_cdk_runs(string tag)
    {
        var error = Assert.Throws<ArgumentException>(() => CloudAssemblyBuilder.Build(TestApplication.Create(), Settings, "dev", tag));
        Assert.Contains("image tag", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rejects_an_unknown_environment_naming_the_known_ones()
    {
        var error = Assert.Throws<SettingsException>(() => CloudAssemblyBuilder.Build(TestApplication.Create(), Settings, "qa", "v1"));
        Assert.Contains("staging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthesizes_both_stacks_into_the_given_directory()
    {
        CdkProcess.Initialize();
        var directory = Directory.CreateTempSubdirectory("cdk-builder-").FullName;
        try
        {
            var result = CloudAssemblyBuilder.Synthesize(TestApplication.Create(), Settings, "pr-7", "v1", directory);
            Assert.Equal($"{RepositoryPaths.AppName}-base", result.BaseStackName);
            Assert.Equal($"{RepositoryPaths.AppName}-pr-7", result.EnvironmentStackName);
            Assert.True(File.Exists(Path.Combine(directory, $"{RepositoryPaths.AppName}-pr-7.template.json")));
            Assert.True(File.Exists(Path.Combine(directory, "manifest.json")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
