using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Summary;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Cli;

/// <summary>The estimate's arithmetic on hand-made template inventories (no CDK involved).</summary>
public sealed class CostEstimatorTests
{
    private static readonly PriceTable Prices = PriceTable.EuWest1;

    private static readonly ApplicationModel OneService = new(
        [new WorkloadModel("api", new ProjectImage("Api.csproj"), WorkloadKind.Service, [new EndpointModel("http", "http", External: true)], [])],
        DatabaseServers: [],
        Caches: [],
        Secrets: []);

    private static readonly TemplateInventory Empty = new("stack", new Dictionary<string, int>(), WebAclRules: 0);

    private readonly DeploymentSettings _settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);

    [Fact]
    public void Always_on_service_runs_730_hours()
    {
        var prod = _settings.ResolveEnvironment("prod");

        var cost = CostEstimator.Estimate(_settings, prod, OneService, Empty, Empty, Prices);

        var fargate = Assert.Single(cost.EnvironmentLines, l => l.Item == "Fargate api");
        var size = prod.Settings.DefaultService;
        var expected = size.DesiredCount * 730m * ((size.Cpu / 1024m * Prices.FargateArmVcpuHour) + (size.MemoryMiB / 1024m * Prices.FargateArmGbHour));
        Assert.Equal(expected, fargate.MonthlyUsd);
    }

    [Fact]
    public void Scaled_to_zero_service_runs_only_working_hours()
    {
        var dev = _settings.ResolveEnvironment("dev");

        var cost = CostEstimator.Estimate(_settings, dev, OneService, Empty, Empty, Prices);

        Assert.Equal(13m * 5m * 52m / 12m, CostEstimator.WorkingHoursPerMonth);
        Assert.Contains("281.67 h", Assert.Single(cost.EnvironmentLines, l => l.Item == "Fargate api").Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_aurora_instance_is_priced_at_the_writers_capacity()
    {
        var prod = _settings.ResolveEnvironment("prod");
        var environmentStack = new TemplateInventory("env", new Dictionary<string, int>
        {
            ["AWS::RDS::DBCluster"] = 1,
            ["AWS::RDS::DBInstance"] = 2,
        }, WebAclRules: 0);

        var cost = CostEstimator.Estimate(_settings, prod, OneService, environmentStack, Empty, Prices);

        var aurora = Assert.Single(cost.EnvironmentLines, l => l.Item == "Aurora Serverless v2");
        var acu = (decimal)prod.Settings.Database.MinAcu;
        Assert.Equal((2 * acu * 730m * Prices.AuroraAcuHour) + (CostEstimator.AuroraStorageGb * Prices.AuroraStorageGbMonth), aurora.MonthlyUsd);
        Assert.StartsWith("2 x ", aurora.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_synthesized_resources_are_priced()
    {
        var cost = CostEstimator.Estimate(_settings, _settings.ResolveEnvironment("dev"), OneService, Empty, Empty, Prices);

        Assert.Equal(["Fargate api", "CloudWatch"], cost.EnvironmentLines.Select(l => l.Item));
        Assert.Empty(cost.SharedLines);
    }

    [Fact]
    public void Counts_come_from_the_templates()
    {
        var environmentStack = new TemplateInventory("env", new Dictionary<string, int>
        {
            ["AWS::SecretsManager::Secret"] = 3,
            ["AWS::WAFv2::WebACL"] = 1,
            ["AWS::CloudFront::Distribution"] = 1,
            ["AWS::CloudWatch::Alarm"] = 4,
        }, WebAclRules: 2);
        var baseStack = new TemplateInventory("base", new Dictionary<string, int> { ["AWS::EC2::NatGateway"] = 2 }, WebAclRules: 0);

        var cost = CostEstimator.Estimate(_settings, _settings.ResolveEnvironment("prod"), OneService, environmentStack, baseStack, Prices);

        Assert.Equal(3 * Prices.SecretMonth, cost.EnvironmentLines.Single(l => l.Item == "Secrets Manager").MonthlyUsd);
        Assert.Equal(Prices.WebAclMonth + (2 * Prices.WebAclRuleMonth), cost.EnvironmentLines.Single(l => l.Item == "WAF").MonthlyUsd);
        Assert.Equal(0m, cost.EnvironmentLines.Single(l => l.Item == "CloudFront").MonthlyUsd);
        Assert.Equal((2 * 730m * (Prices.NatGatewayHour + Prices.PublicIpv4Hour)) + (CostEstimator.NatDataGbPerMonth * Prices.NatGatewayDataGb),
            cost.SharedLines.Single(l => l.Item == "NAT gateway").MonthlyUsd);
    }

    [Fact]
    public void Summary_flags_an_estimate_over_budget()
    {
        var environment = _settings.ResolveEnvironment("pr-3");
        var cost = new CostEstimate("pr-3", Prices, [new CostLine("Fargate api", "x", environment.Settings.MonthlyBudgetUsd + 1)], [], environment.Settings.MonthlyBudgetUsd);
        var summary = new SynthSummary("pr-3", "t", "out", "eu-west-1", [Empty], cost, [], [], null, "shop-pr-3");
        using var output = new StringWriter();

        summary.WriteTo(output);

        Assert.Contains("which the estimate exceeds", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_secret_command_looks_the_secret_up_by_logical_id_in_the_secrets_stack()
    {
        var application = OneService with { Secrets = [new SecretModel("smtp-password", null), new SecretModel("api-key", new GeneratedSecret(32, false))] };

        var command = Assert.Single(OperatorSecretCommands.For(application, "eu-west-1", "shop-dev-secrets"));

        Assert.Equal(
            "read -rsp 'smtp-password: ' SECRET_VALUE && echo && SECRET_VALUE=\"$SECRET_VALUE\" jq -n '{value: env.SECRET_VALUE}'"
            + " | aws secretsmanager put-secret-value --region eu-west-1 --secret-id \"$(aws cloudformation describe-stack-resource --region eu-west-1"
            + " --stack-name shop-dev-secrets --logical-resource-id AppSecretSmtpPassword --query StackResourceDetail.PhysicalResourceId --output text)\""
            + " --secret-string file:///dev/stdin; unset SECRET_VALUE",
            command);
    }

    [Fact]
    public void Operator_secret_command_never_carries_the_value_on_a_command_line()
    {
        var application = OneService with { Secrets = [new SecretModel("smtp-password", null)] };

        var command = Assert.Single(OperatorSecretCommands.For(application, "eu-west-1", "shop-dev"));

        // The value is typed without echo into a shell variable and reaches the CLI on stdin: never in argv or history.
        Assert.StartsWith("read -rsp ", command, StringComparison.Ordinal);
        Assert.Contains("--secret-string file:///dev/stdin", command, StringComparison.Ordinal);
        Assert.DoesNotContain("--secret-string '", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_says_to_deploy_the_secrets_stack_set_the_secrets_then_deploy_the_environment()
    {
        var application = OneService with { Secrets = [new SecretModel("smtp-password", null)] };
        var cost = new CostEstimate("dev", Prices, [], [], 100m);
        var summary = SynthSummary.Create("dev", "t", "out", "eu-west-1", [Empty], cost, application, "shop-dev-secrets", "shop-dev");
        using var output = new StringWriter();

        summary.WriteTo(output);

        var text = output.ToString();
        var order = new[] { "deploy the stack shop-dev-secrets ", "read -rsp 'smtp-password: '", "deploy the stack shop-dev " }
            .Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("--stack-name shop-dev-secrets", text, StringComparison.Ordinal);
        Assert.DoesNotContain("after the first deployment", text, StringComparison.Ordinal);
    }
}
