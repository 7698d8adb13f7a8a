using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.IAM;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record AuroraDatabaseProps
{
    /// <summary>The environment's prefix, e.g. <c>shop-dev</c>; the cluster identifier adds the server's name (see <see cref="AuroraDatabase.IdentifierOf"/>).</summary>
    public required string Prefix { get; init; }

    public required DatabaseServerModel Server { get; init; }

    public required DatabaseSize Size { get; init; }

    public required bool Production { get; init; }

    public required IVpc Vpc { get; init; }

    public required RetentionDays LogRetention { get; init; }

    /// <summary>Where production's reader (the failover target) runs: a zone other than the first.</summary>
    public required string ReaderAvailabilityZone { get; init; }
}

/// <summary>
/// Aurora PostgreSQL Serverless v2 for one PostgreSQL server of the app: encrypted, in isolated subnets,
/// reachable only from security groups granted with <see cref="AllowFrom"/>. Workloads sign in with IAM
/// (<see cref="GrantConnect"/>); the master password is generated and rotated by RDS in Secrets Manager and
/// only the database access gate uses it, through the Data API. Production adds a reader in another
/// availability zone, which Aurora promotes when the writer or its zone fails.
/// </summary>
public sealed partial class AuroraDatabase : Construct
{
    public const string ClusterLogicalId = "AuroraCluster";
    public const string WriterLogicalId = "AuroraWriter";
    public const string ReaderLogicalId = "AuroraReader";

    /// <summary>
    /// The server whose cluster keeps the unprefixed identifiers (Aspire's and this template's name for it), so adding
    /// or removing another server never renames, and so never replaces, an existing cluster.
    /// </summary>
    public const string PrimaryServerName = "postgres";

    /// <summary>The RDS CA bundle in the images (ServiceDefaults ships it next to the app, which runs in <c>/app</c>).</summary>
    public const string CaBundlePath = "/app/" + CaBundleFileName;

    public const string CaBundleFileName = "rds-global-bundle.pem";

    /// <summary>Not PostgreSQL's default 5432: scanners probe the default port first (cdk-nag AwsSolutions-RDS11).</summary>
    public const int DatabasePort = 5433;

    /// <summary>How long an idle cluster with 0 minimum ACU waits before it pauses.</summary>
    public static readonly Duration AutoPauseAfter = Duration.Minutes(10);

    public AuroraDatabase(Construct scope, string id, AuroraDatabaseProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);
        Server = props.Server;
        ClusterIdentifier = IdentifierOf(props.Prefix, props.Server.Resource);

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            AllowAllOutbound = false,
            Description = $"Aurora {ClusterIdentifier}: ingress only from its workloads",
        });

        // Created here rather than by RDS so it has a retention and is deleted with the stack.
        var logGroup = new LogGroup(this, "PostgresqlLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/rds/cluster/{ClusterIdentifier}/postgresql",
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Cluster = new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
        {
            ClusterIdentifier = ClusterIdentifier,
            Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps
            {
                Version = EngineVersion(props.Server.EngineMajorVersion),
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
            // Databases are created by the access gate, so the cluster does not depend on which one comes first.
            Credentials = Credentials.FromUsername(props.Server.MasterUserName),
            ManageMasterUserPassword = true,
            EnableDataApi = true,
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

        var idPrefix = IdPrefixOf(props.Server.Resource);
        StableIds.Pin(Cluster, idPrefix + ClusterLogicalId);
        StableIds.Pin(Cluster.Node.FindChild("Writer"), idPrefix + WriterLogicalId);
        if (props.Production)
        {
            StableIds.Pin(Cluster.Node.FindChild("Reader"), idPrefix + ReaderLogicalId);
        }

        MasterSecretArn = ((CfnDBCluster)Cluster.Node.DefaultChild!).AttrMasterUserSecretSecretArn;
    }

    public DatabaseServerModel Server { get; }

    public string ClusterIdentifier { get; }

    public DatabaseCluster Cluster { get; }

    /// <summary>The master credentials RDS keeps (and rotates) in Secrets Manager.</summary>
    public string MasterSecretArn { get; }

    public SecurityGroup SecurityGroup { get; }

    public string Hostname => Cluster.ClusterEndpoint.Hostname;

    public static string PortText => DatabasePort.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>{prefix}</c> for the <see cref="PrimaryServerName"/> server, <c>{prefix}-{server}</c> for any other.</summary>
    public static string IdentifierOf(string prefix, string server) =>
        server == PrimaryServerName ? prefix : $"{prefix}-{server.ToLowerInvariant()}";

    /// <summary>The PostgreSQL role a workload signs in as (with IAM), e.g. <c>api</c>; role names are per cluster.</summary>
    public static string RoleOf(string workload) => RoleCharacters().Replace(workload.ToLowerInvariant(), "_");

    /// <summary>
    /// Npgsql connection string of a database for a workload: its own role, no password (the app signs in with an
    /// IAM token, see <c>ConfigurationKeys.DatabaseIamAuthentication</c>), TLS verifying the server's certificate.
    /// </summary>
    public string ConnectionString(string database, string workload) =>
        $"Host={Hostname};Port={PortText};Database={database};Username={RoleOf(workload)};" +
        $"SSL Mode=VerifyFull;Root Certificate={CaBundlePath};Timeout=30";

    public void AllowFrom(ISecurityGroup peer, string description) =>
        SecurityGroup.AddIngressRule(peer, Amazon.CDK.AWS.EC2.Port.Tcp(DatabasePort), description);

    /// <summary>Lets <paramref name="role"/> sign in as the workload's database role with an IAM token.</summary>
    public void GrantConnect(IGrantable role, string workload) => Cluster.GrantConnect(role, RoleOf(workload));

    private static string IdPrefixOf(string server) => server == PrimaryServerName ? string.Empty : NameCase.Pascal(server);

    private static AuroraPostgresEngineVersion EngineVersion(int major) => major switch
    {
        17 => AuroraPostgresEngineVersion.VER_17_9,
        16 => AuroraPostgresEngineVersion.VER_16_9,
        _ => throw new NotSupportedException(
            $"PostgreSQL {major} has no Aurora Serverless v2 mapping here: use a postgres:16 or postgres:17 image in the AppHost."),
    };

    private static void Validate(AuroraDatabaseProps props)
    {
        if (!MasterUserName().IsMatch(props.Server.MasterUserName))
        {
            throw new ArgumentException(
                $"Aurora master user '{props.Server.MasterUserName}' must be 1-16 letters, digits or '_', starting with a letter.",
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

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex RoleCharacters();
}
