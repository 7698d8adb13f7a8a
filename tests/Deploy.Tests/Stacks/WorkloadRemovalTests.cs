using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>Dev from the test application without its <c>web</c> service: the next release after removing a workload.</summary>
public sealed class WithoutWebEnvironment() : SynthesizedEnvironment("dev", application: WithoutWeb())
{
    private static ApplicationModel WithoutWeb()
    {
        var full = TestApplication.Create();
        return full with { Workloads = full.Workloads.Where(w => w.Name != TestApplication.Web).ToArray() };
    }
}

/// <summary>
/// The base stack is deployed first, while every environment still runs the previous release: whatever the
/// running environments read from it must still be there. CloudFormation would refuse to delete an export in
/// use, so the stacks share nothing through exports; an environment reads SSM parameters the base writes.
/// </summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class WorkloadRemovalTests(DevEnvironment before, WithoutWebEnvironment after)
    : IClassFixture<DevEnvironment>, IClassFixture<WithoutWebEnvironment>
{
    [Fact]
    public void Environment_stacks_import_no_export()
    {
        Assert.DoesNotContain("Fn::ImportValue", before.EnvironmentJson.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Fn::ImportValue", after.EnvironmentJson.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_workload_keeps_every_parameter_the_running_environments_read()
    {
        var read = (before.EnvironmentJson["Parameters"]?.AsObject() ?? [])
            .Where(p => ((string?)p.Value!["Type"])?.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal) == true)
            .Select(p => (string)p.Value!["Default"]!)
            .Where(name => name.StartsWith(BaseParameters.Name(before.Settings.AppName, string.Empty), StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var written = after.BaseJson.Resources("AWS::SSM::Parameter")
            .Select(p => (string)p.Resource.Properties()["Name"]!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains(BaseParameters.Name(before.Settings.AppName, BaseParameters.PublicSubnetIds), read);
        Assert.Subset(written, read);
    }

    [Fact]
    public void Removing_a_workload_synthesizes_both_stacks_without_it()
    {
        Assert.Equal(TestApplication.Api, (string?)Assert.Single(after.EnvironmentJson.Resources("AWS::ECS::Service")).Resource.Properties()["ServiceName"]);
        Assert.DoesNotContain(after.BaseJson.Resources("AWS::ECR::Repository"), r => r.Id == ContainerRepositories.LogicalId(TestApplication.Web));

        // Its images stay: the repository is retained when the base stack drops it.
        Assert.Equal("Retain", (string?)before.BaseJson.Resource(ContainerRepositories.LogicalId(TestApplication.Web))["DeletionPolicy"]);
    }
}
