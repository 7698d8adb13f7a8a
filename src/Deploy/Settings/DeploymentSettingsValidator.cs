using System.Globalization;
using System.Text.RegularExpressions;
using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Checks <see cref="DeploymentSettings"/> before CDK sees them, so a mistake names its field.</summary>
public static partial class DeploymentSettingsValidator
{
    /// <summary>Aurora Serverless v2 capacity range (PostgreSQL 17), in steps of half an ACU.</summary>
    public const double MaxAcuLimit = 256;

    private static readonly HashSet<int> LogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private static readonly HashSet<string> CpuArchitectures = ["ARM64", "X86_64"];

    /// <exception cref="SettingsException">The first invalid field.</exception>
    public static void Validate(DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var file = settings.SourceFile;

        Require(file, "appName", AppNameRegex().IsMatch(settings.AppName ?? string.Empty),
            "must be 2-20 lower-case letters, digits or dashes, starting with a letter (it prefixes stack and resource names)");
        Require(file, "account", AccountRegex().IsMatch(settings.Account ?? string.Empty),
            $"must be a 12-digit AWS account id, got '{settings.Account}'");
        Require(file, "region", RegionRegex().IsMatch(settings.Region ?? string.Empty),
            $"must be an AWS region such as eu-west-1, got '{settings.Region}'");
        ValidateAvailabilityZones(file, settings);
        Require(file, "natGateways", settings.NatGateways >= 1 && settings.NatGateways <= settings.AvailabilityZones.Count,
            $"must be between 1 and the number of availability zones ({settings.AvailabilityZones.Count}), got {settings.NatGateways}");
        Require(file, "cpuArchitecture", settings.CpuArchitecture is not null && CpuArchitectures.Contains(settings.CpuArchitecture),
            $"must be ARM64 or X86_64, got '{settings.CpuArchitecture}'");
        ValidateJobs(file, settings.Jobs);
        ValidateGitHub(file, settings);
        ValidateDomain(file, settings.Domain);
        ValidateEnvironments(file, settings.Environments);
        ValidateUserTraffic(file, settings);
    }

    /// <summary>Production is HTTPS for users; CloudFront in front of the load balancer needs its prefix list in the region.</summary>
    private static void ValidateUserTraffic(string file, DeploymentSettings settings)
    {
        if (settings.Domain is not null)
        {
            return;
        }

        foreach (var (name, environment) in settings.Environments)
        {
            Require(file, $"environments.{name}.cloudFront", environment.CloudFront || !environment.Production,
                "a production environment without a domain must be served through CloudFront (true), or users get plain HTTP");
        }

        Require(file, "region",
            !settings.Environments.Values.Any(e => e.CloudFront) || CloudFrontPrefixLists.IdIn(settings.Region) is not null,
            $"CloudFront's origin-facing prefix list is not known for '{settings.Region}' (known: {string.Join(", ", CloudFrontPrefixLists.Regions)}); " +
            "set a domain, or add the region's id (aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.global.cloudfront.origin-facing) to CloudFrontPrefixLists");
    }

    private static void ValidateAvailabilityZones(string file, DeploymentSettings settings)
    {
        var zones = settings.AvailabilityZones;
        Require(file, "availabilityZones", zones is not null && zones.Count >= 2,
            "needs at least two zones (the load balancer and Aurora need two)");
        for (var i = 0; i < zones!.Count; i++)
        {
            var zone = zones[i];
            Require(file, $"availabilityZones[{i}]",
                zone is not null && zone.Length == settings.Region.Length + 1
                    && zone.StartsWith(settings.Region, StringComparison.Ordinal) && char.IsAsciiLetterLower(zone[^1]),
                $"'{zone}' is not a zone of region {settings.Region} (expected e.g. {settings.Region}a)");
        }

        Require(file, "availabilityZones", zones.Distinct(StringComparer.Ordinal).Count() == zones.Count, "lists a zone twice");
    }

    private static void ValidateJobs(string file, IReadOnlyList<string> jobs)
    {
        Require(file, "jobs", jobs is not null, "must be an array of workload names (or be left out: the AppHost marks its jobs)");
        for (var i = 0; i < jobs!.Count; i++)
        {
            Require(file, $"jobs[{i}]", !string.IsNullOrWhiteSpace(jobs[i]), "must be a workload name of the manifest");
        }

        Require(file, "jobs", jobs.Distinct(StringComparer.Ordinal).Count() == jobs.Count, "names a job twice");
    }

    private static void ValidateGitHub(string file, DeploymentSettings settings)
    {
        Require(file, "gitHub", settings.GitHub is not null, "must not be null");
        Require(file, "gitHub.repository", RepositoryRegex().IsMatch(settings.GitHub!.Repository ?? string.Empty),
            $"must be owner/name, got '{settings.GitHub.Repository}'");
        var arn = settings.GitHub.ExistingOidcProviderArn;
        Require(file, "gitHub.existingOidcProviderArn",
            arn is null || arn == $"arn:aws:iam::{settings.Account}:oidc-provider/token.actions.githubusercontent.com",
            $"must be null or arn:aws:iam::{settings.Account}:oidc-provider/token.actions.githubusercontent.com, got '{arn}'");
    }

    private static void ValidateDomain(string file, DomainSettings? domain)
    {
        if (domain is null)
        {
            return;
        }

        Require(file, "domain.zoneName", DomainNameRegex().IsMatch(domain.ZoneName ?? string.Empty),
            $"must be a DNS name such as example.com, got '{domain.ZoneName}'");
        Require(file, "domain.existingHostedZoneId", domain.ExistingHostedZoneId is null || HostedZoneIdRegex().IsMatch(domain.ExistingHostedZoneId),
            $"must be null or a Route 53 zone id such as Z0123456789ABCDEFGHIJ, got '{domain.ExistingHostedZoneId}'");
    }

    private static void ValidateEnvironments(string file, IReadOnlyDictionary<string, EnvironmentSettings> environments)
    {
        Require(file, "environments", environments is not null && environments.Count > 0, "must define at least one environment");
        var hostnames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, environment) in environments!)
        {
            var path = $"environments.{name}";
            Require(file, path, EnvironmentNames.IsValidKey(name),
                "environment names are 1-12 lower-case letters or digits, starting with a letter (previews are pr-N, made from the 'pr' template)");
            Require(file, path, environment is not null, "must not be null");
            ValidateEnvironment(file, path, name, environment!);
            if (environment!.Hostname is { } hostname)
            {
                Require(file, $"{path}.hostname", hostnames.TryAdd(hostname, name),
                    $"'{hostname}' is also the host name of environment '{hostnames.GetValueOrDefault(hostname)}'");
            }
        }
    }

    private static void ValidateEnvironment(string file, string path, string name, EnvironmentSettings environment)
    {
        if (name == EnvironmentNames.PreviewTemplate)
        {
            Require(file, $"{path}.hostname", environment.Hostname is null, "must be null: a preview pr-N is served at host name pr-N");
            Require(file, $"{path}.production", !environment.Production, "previews cannot be production");
        }
        else
        {
            Require(file, $"{path}.hostname", environment.Hostname is null || HostnameRegex().IsMatch(environment.Hostname),
                $"must be null or a DNS label (lower-case letters, digits, dashes), got '{environment.Hostname}'");
            Require(file, $"{path}.hostname", environment.Hostname is null || !EnvironmentNames.LooksLikePreview(environment.Hostname),
                "host names pr-N are reserved for previews");
        }

        ValidateServiceSize(file, $"{path}.defaultService", environment.DefaultService);
        Require(file, $"{path}.services", environment.Services is not null, "must be an object (empty for none)");
        foreach (var (service, size) in environment.Services!)
        {
            ValidateServiceSize(file, $"{path}.services.{service}", size);
        }

        ValidateServiceSize(file, $"{path}.job", environment.Job);
        Require(file, $"{path}.job.maxCount", environment.Job.MaxCount >= 1, "a job runs as one task: must be at least 1");
        ValidateDatabase(file, $"{path}.database", environment.Database);

        Require(file, $"{path}.alarmEmail", environment.AlarmEmail is null || EmailRegex().IsMatch(environment.AlarmEmail),
            $"must be null or an e-mail address, got '{environment.AlarmEmail}'");
        Require(file, $"{path}.monthlyBudgetUsd", environment.MonthlyBudgetUsd > 0,
            $"must be a positive amount in USD, got {environment.MonthlyBudgetUsd.ToString(CultureInfo.InvariantCulture)}");
        Require(file, $"{path}.logRetentionDays", LogRetentionDays.Contains(environment.LogRetentionDays),
            $"must be a CloudWatch Logs retention ({string.Join(", ", LogRetentionDays.Order())}), got {environment.LogRetentionDays}");
        Require(file, $"{path}.scaleToZeroOutsideWorkingHours", !(environment.Production && environment.ScaleToZeroOutsideWorkingHours),
            "a production environment is never scaled to zero");
        Require(file, $"{path}.seedData", !(environment.Production && environment.SeedData),
            "a production environment never gets development seed data");
    }

    private static void ValidateServiceSize(string file, string path, ServiceSize? size)
    {
        Require(file, path, size is not null, "must not be null");
        Require(file, $"{path}.cpu", FargateTaskSizes.IsValidCpu(size!.Cpu),
            $"must be a Fargate CPU size ({string.Join(", ", FargateTaskSizes.CpuUnits)} units; 1024 = 1 vCPU), got {size.Cpu}");
        Require(file, $"{path}.memoryMiB", FargateTaskSizes.IsValid(size.Cpu, size.MemoryMiB),
            $"{size.MemoryMiB} MiB is not a Fargate size for {size.Cpu} CPU units; valid: {FargateTaskSizes.DescribeMemoryFor(size.Cpu)}");
        Require(file, $"{path}.minCount", size.MinCount >= 0, $"must be 0 or more, got {size.MinCount}");
        Require(file, $"{path}.desiredCount", size.MinCount <= size.DesiredCount && size.DesiredCount <= size.MaxCount,
            $"must satisfy minCount <= desiredCount <= maxCount, got {size.MinCount} <= {size.DesiredCount} <= {size.MaxCount}");
        Require(file, $"{path}.maxCount", size.MaxCount >= 1, $"must be at least 1, got {size.MaxCount}");
    }

    private static void ValidateDatabase(string file, string path, DatabaseSize? database)
    {
        Require(file, path, database is not null, "must not be null");
        Require(file, $"{path}.minAcu", IsAcu(database!.MinAcu, 0),
            $"must be between 0 and {MaxAcuLimit} in steps of 0.5 (0 lets the cluster pause), got {Format(database.MinAcu)}");
        Require(file, $"{path}.maxAcu", IsAcu(database.MaxAcu, 1),
            $"must be between 1 and {MaxAcuLimit} in steps of 0.5, got {Format(database.MaxAcu)}");
        Require(file, $"{path}.maxAcu", database.MinAcu <= database.MaxAcu,
            $"must be at least minAcu ({Format(database.MinAcu)}), got {Format(database.MaxAcu)}");
        Require(file, $"{path}.backupRetentionDays", database.BackupRetentionDays is >= 1 and <= 35,
            $"must be between 1 and 35 days, got {database.BackupRetentionDays}");
    }

    private static bool IsAcu(double value, double min) =>
        value >= min && value <= MaxAcuLimit && Math.Abs((value * 2) - Math.Round(value * 2)) < 1e-9;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Require(string file, string field, bool condition, string detail)
    {
        if (!condition)
        {
            throw new SettingsException(file, field, detail);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,19}$")]
    private static partial Regex AppNameRegex();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountRegex();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionRegex();

    [GeneratedRegex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")]
    private static partial Regex RepositoryRegex();

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainNameRegex();

    [GeneratedRegex("^Z[A-Z0-9]{1,31}$")]
    private static partial Regex HostedZoneIdRegex();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostnameRegex();

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")]
    private static partial Regex EmailRegex();
}
