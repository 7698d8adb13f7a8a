using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// The AppHost's committed manifest synthesizes every environment a user deploys, through the same path as
/// <c>synth</c> (CloudFormation schema validation on), with the application's resources in each.
/// </summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class CommittedManifestSynthesisTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("pr-1")]
    public void Environment_synthesizes_with_the_application_in_it(string environment)
    {
        CdkProcess.Initialize();
        var settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);
        var application = ManifestReader.Read(ManifestEnvironment.ManifestPath, settings).Model;
        var outdir = Directory.CreateTempSubdirectory("cdk-committed-").FullName;
        try
        {
            var deployment = CloudAssemblyBuilder.Synthesize(application, settings, environment, SynthesizedEnvironment.ImageTag, outdir);

            Assert.Equal($"{settings.AppName}-{environment}", deployment.EnvironmentStackName);
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(deployment.Directory, $"{deployment.EnvironmentStackName}.template.json")))!.AsObject();
            Assert.Single(template.Resources("AWS::RDS::DBCluster"));
            Assert.Single(template.Resources("AWS::ElastiCache::ServerlessCache"));
            // The database access gate and the migrations' gate.
            Assert.Equal(2, template.Resources("Custom::Trigger").Count());
            Assert.Equal(application.Services.Count(), template.Resources("AWS::ECS::Service").Count());
            Assert.Equal(application.Workloads.Count, template.Resources("AWS::ECS::TaskDefinition").Count());
            Assert.True(File.Exists(Path.Combine(deployment.Directory, $"{deployment.BaseStackName}.template.json")));
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}
