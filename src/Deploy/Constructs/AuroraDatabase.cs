using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record AuroraDatabaseProps
{
    /// <summary>Also names the PostgreSQL log group, so it is created with a retention.</summary>
    public required string ClusterIdentifier { get; init; }

    public required DatabaseModel Database { get; init; }

    public required DatabaseSize Size { get; init; }

    public required bool Production { get; init; }

    public required IVpc Vpc { get; init; }

    public required RetentionDays LogRetention { get; init; }

    /// <summary>Where production's reader (the failover target) runs: a zone other than the first.</summary>
    public required string ReaderAvailabilityZone { get; init; }
}

/// <summary>
/// Aurora PostgreSQL Serverless v2: encrypted, in isolated subnets, reachable only from security groups
/// granted with <see cref="AllowFrom"/>, master credentials generated into Secrets Manager. Production adds a
/// reader in another availability zone, which Aurora promotes when the writer or its zone fails.
/// </summary>
public sealed partial class AuroraDatabase : Construct
{
    public const string ClusterLogicalId = "AuroraCluster";
    public const string WriterLogicalId = "AuroraWriter";
    public const string ReaderLogicalId = "AuroraReader";
    public const string SecretLogicalId = "DatabaseSecret";

    /// <summary>Not PostgreSQL's default 5432: scanners probe the default port first (cdk-nag AwsSolutions-RDS11).</summary>
    public const int DatabasePort = 5433;

    /// <summary>How long an idle cluster with 0 minimum ACU waits before it pauses.</summary>
    public static readonly Duration AutoPauseAfter = Duration.Minutes(10);

    public AuroraDatabase(Construct scope, string id, AuroraDatabaseProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            AllowAllOutbound = false,
            Description = $"Aurora {props.ClusterIdentifier}: ingress only from its workloads",
        });

        // Created here rather than by RDS so it has a retention and is deleted with the stack.
        var logGroup = new LogGroup(this, "PostgresqlLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/rds/cluster/{props.ClusterIdentifier}/postgresql",
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Cluster = new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
        {
            ClusterIdentifier = props.ClusterIdentifier,
            Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps
            {
                Version = EngineVersion(props.Database.EngineMajorVersion),
            }),
            Writer = ClusterInstance.ServerlessV2("Writer", new ServerlessV2ClusterInstanceProps
            {
                PubliclyAccessible = false,
                AutoMinorVersionUpgrade = true,
            }),
            // Production's failover target; it scales with the writer so a failover lands on the same capacity.
            Readers = props.Production
                ? new IClusterInstance[]
                {
                    ClusterInstance.ServerlessV2("Reader", new ServerlessV2ClusterInstanceProps
                    {
                        PubliclyAccessible = false,
                        AutoMinorVersionUpgrade = true,
                        ScaleWithWriter = true,
                        AvailabilityZone = props.ReaderAvailabilityZone,
                    }),
                }
                : null,
            ServerlessV2MinCapacity = props.Size.MinAcu,
            ServerlessV2MaxCapacity = props.Size.MaxAcu,
            ServerlessV2AutoPauseDuration = props.Size.MinAcu == 0 ? AutoPauseAfter : null,
            Credentials = Credentials.FromGeneratedSecret(props.Database.UserName),
            DefaultDatabaseName = props.Database.DatabaseName,
            Port = DatabasePort,
            Vpc = props.Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            SecurityGroups = new ISecurityGroup[] { SecurityGroup },
            StorageEncrypted = true,
            IamAuthentication = true,
            DeletionProtection = props.Production,
            RemovalPolicy = props.Production ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
            Backup = new BackupProps { Retention = Duration.Days(props.Size.BackupRetentionDays) },
            CloudwatchLogsExports = new[] { "postgresql" },
            CopyTagsToSnapshot = true,
        });
        Cluster.Node.AddDependency(logGroup);

        StableIds.Pin(Cluster, ClusterLogicalId);
        StableIds.Pin(Cluster.Node.FindChild("Writer"), WriterLogicalId);
        if (props.Production)
        {
            StableIds.Pin(Cluster.Node.FindChild("Reader"), ReaderLogicalId);
        }

        var generatedSecret = Cluster.Node.FindChild("Secret");
        StableIds.Pin(generatedSecret, SecretLogicalId);
        Secret = (ISecret)generatedSecret;

        // The cluster's removal policy does not reach its generated secret; a snapshot is useless without it.
        ((Secret)generatedSecret).ApplyRemovalPolicy(props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        DatabaseName = props.Database.DatabaseName;
        UserName = props.Database.UserName;
    }

    public DatabaseCluster Cluster { get; }

    /// <summary>The generated credentials: JSON with <c>username</c>, <c>password</c>, <c>host</c>, <c>port</c>...</summary>
    public ISecret Secret { get; }

    public SecurityGroup SecurityGroup { get; }

    public string DatabaseName { get; }

    public string UserName { get; }

    public string Hostname => Cluster.ClusterEndpoint.Hostname;

    public static string PortText => DatabasePort.ToString(CultureInfo.InvariantCulture);

    /// <summary>Npgsql connection string without the password: Npgsql reads it from <c>PGPASSWORD</c>.</summary>
    public string ConnectionString =>
        $"Host={Hostname};Port={PortText};Database={DatabaseName};Username={UserName};SSL Mode=Require;Timeout=30";

    public void AllowFrom(ISecurityGroup peer, string description) =>
        SecurityGroup.AddIngressRule(peer, Amazon.CDK.AWS.EC2.Port.Tcp(DatabasePort), description);

    private static AuroraPostgresEngineVersion EngineVersion(int major) => major switch
    {
        17 => AuroraPostgresEngineVersion.VER_17_9,
        16 => AuroraPostgresEngineVersion.VER_16_9,
        _ => throw new NotSupportedException(
            $"PostgreSQL {major} has no Aurora Serverless v2 mapping here: use a postgres:16 or postgres:17 image in the AppHost."),
    };

    private static void Validate(AuroraDatabaseProps props)
    {
        if (!MasterUserName().IsMatch(props.Database.UserName))
        {
            throw new ArgumentException(
                $"Aurora master user '{props.Database.UserName}' must be 1-16 letters, digits or '_', starting with a letter.",
                nameof(props));
        }

        if (props.Size.MinAcu < 0 || props.Size.MaxAcu < Math.Max(props.Size.MinAcu, 1) || props.Size.MaxAcu > 256)
        {
            throw new ArgumentException(
                $"Aurora capacity {props.Size.MinAcu}-{props.Size.MaxAcu} ACU is invalid: 0 <= min <= max, 1 <= max <= 256.",
                nameof(props));
        }

        if (props.Size.BackupRetentionDays is < 1 or > 35)
        {
            throw new ArgumentException("Aurora keeps automated backups for 1 to 35 days.", nameof(props));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,15}$")]
    private static partial Regex MasterUserName();
}
