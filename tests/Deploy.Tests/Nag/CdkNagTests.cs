using AppDelivery.Aspire.Deploy.Tests.Settings;
using Xunit.Abstractions;

namespace AppDelivery.Aspire.Deploy.Tests.Nag;

/// <summary>cdk-nag AwsSolutions over the synthesized templates: every finding is fixed or acknowledged with a reason.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class CdkNagTests(NagEnvironments nag, ITestOutputHelper output) : IClassFixture<NagEnvironments>
{
    [Fact]
    public void Checks_the_base_stack_and_every_environment_stack()
    {
        var stacks = nag.Runs.SelectMany(r => r.Stacks).ToHashSet(StringComparer.Ordinal);
        Assert.Contains($"{RepositoryPaths.AppName}-base", stacks);
        Assert.All(NagEnvironments.Environments, e => Assert.Contains($"{RepositoryPaths.AppName}-{e}", stacks));
        Assert.All(nag.Runs, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Every_finding_is_fixed_or_acknowledged()
    {
        var findings = nag.Runs.SelectMany(r => r.Findings).ToArray();
        foreach (var finding in findings)
        {
            output.WriteLine($"UNACKNOWLEDGED {finding.Rule} at {finding.Resource}: {finding.Description}");
        }

        Assert.Empty(findings);
    }

    [Fact]
    public void Every_acknowledgement_has_a_reason_and_still_matches_a_resource()
    {
        var acknowledgements = nag.Runs[0].Acknowledgements
            .Select((a, i) => a with { Used = nag.Runs.Any(r => r.Acknowledgements[i].Used) })
            .ToArray();
        foreach (var a in acknowledgements)
        {
            var scope = a.Environments is null ? a.Stack : $"{a.Stack} ({string.Join(", ", a.Environments)})";
            output.WriteLine($"ACKNOWLEDGED {a.Id} on {scope} /{a.Resource}/{(a.Used ? string.Empty : " (UNUSED)")}: {a.Reason}");
        }

        Assert.NotEmpty(acknowledgements);
        Assert.All(acknowledgements, a => Assert.True(a.Reason.Length >= 40, $"{a.Id}: the reason must explain the decision."));
        Assert.All(acknowledgements, a => Assert.True(a.Used, $"{a.Id} on /{a.Resource}/ matches nothing any more: remove it."));
    }

    [Fact]
    public void Database_credentials_and_production_deletion_protection_are_never_acknowledged()
    {
        var acknowledgements = nag.Runs[0].Acknowledgements;
        var smg4 = acknowledgements.Where(a => a.Id == "AwsSolutions-SMG4").ToList();
        Assert.All(smg4, a => Assert.DoesNotMatch($"^(?:{a.Resource})$", "DatabaseSecret"));
        Assert.Contains(smg4, a => System.Text.RegularExpressions.Regex.IsMatch("AppSecretApiKey", $"^(?:{a.Resource})$"));
        var rds10 = Assert.Single(acknowledgements, a => a.Id == "AwsSolutions-RDS10");
        Assert.DoesNotContain(rds10.Environments!, e => e is "prod" or "*");
        Assert.All(nag.Runs, r => Assert.DoesNotContain(r.Findings, f => f.Rule.Contains("SMG4", StringComparison.Ordinal)));
    }
}
