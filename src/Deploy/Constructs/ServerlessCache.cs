using System.Globalization;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Name">Cache name: lower-case letters, digits and dashes, at most 40 characters.</param>
/// <param name="Users">The environment's cache users, of which the cache admits its workloads' (<see cref="ServerlessCache.Admit"/>).</param>
public sealed record ServerlessCacheProps(string Name, IVpc Vpc, bool Production, CacheUsers Users);

/// <summary>
/// ElastiCache Serverless for Valkey (TLS only, by nature of serverless caches) in the isolated subnets,
/// reachable only from security groups granted with <see cref="AllowFrom"/>, and only by the workloads
/// <see cref="Admit"/>ted to its user group, which sign in with IAM. One per Valkey/Redis resource;
/// the cache's logical ID is the construct's <c>id</c> (see <see cref="LogicalId"/>).
/// </summary>
public sealed class ServerlessCache : Construct
{
    /// <summary>Logical ID of the cache resource named <c>cache</c> (the template's).</summary>
    public const string CacheLogicalId = "Cache";

    /// <summary>The Valkey major the cache runs; the AppHost's local Valkey image follows it (a test keeps them equal).</summary>
    public const string ValkeyMajorVersion = "8";

    /// <summary>Port of the serverless cache's primary endpoint (6380 is the reader endpoint).</summary>
    public const int CachePort = 6379;

    private readonly SortedSet<string> admitted = new(StringComparer.Ordinal);
    private readonly CacheUsers users;

    public ServerlessCache(Construct scope, string id, ServerlessCacheProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.Name.Length > 40)
        {
            throw new ArgumentException($"Cache name '{props.Name}' is longer than ElastiCache's 40 characters.", nameof(props));
        }

        users = props.Users;
        UserGroup = new CfnUserGroup(this, "UserGroup", new CfnUserGroupProps
        {
            UserGroupId = props.Name,
            Engine = CacheUsers.Engine,
            UserIds = new[] { users.Default.UserId },
        });
        UserGroup.Node.AddDependency(users.Default);
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            AllowAllOutbound = false,
            Description = $"Cache {props.Name}: ingress only from its workloads",
        });
        Cache = new CfnServerlessCache(this, "Cache", new CfnServerlessCacheProps
        {
            ServerlessCacheName = props.Name,
            Engine = "valkey",
            MajorEngineVersion = ValkeyMajorVersion,
            SecurityGroupIds = new[] { SecurityGroup.SecurityGroupId },
            SubnetIds = props.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED }).SubnetIds,
            SnapshotRetentionLimit = props.Production ? 7 : null,
            UserGroupId = UserGroup.UserGroupId,
        });
        Cache.Node.AddDependency(UserGroup);
        StableIds.Pin(Cache, id);
    }

    public CfnServerlessCache Cache { get; }

    /// <summary>The cache's users: the switched-off default and the admitted workloads'.</summary>
    public CfnUserGroup UserGroup { get; }

    /// <summary>
    /// <c>Cache</c> for the resource <c>cache</c>, <c>Cache{Name}</c> for any other: each cache keeps its ID (and so
    /// its data) when another is added or removed.
    /// </summary>
    public static string LogicalId(string resource) =>
        NameCase.Pascal(resource) is var pascal && pascal == CacheLogicalId ? CacheLogicalId : CacheLogicalId + pascal;

    /// <summary>The ElastiCache name: the environment's prefix for the resource <c>cache</c>, <c>{prefix}-{resource}</c> otherwise.</summary>
    public static string CacheName(string prefix, string resource) =>
        LogicalId(resource) == CacheLogicalId ? prefix : $"{prefix}-{resource.ToLowerInvariant()}";

    public SecurityGroup SecurityGroup { get; }

    public string Hostname => Cache.AttrEndpointAddress;

    public static string PortText => CachePort.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// StackExchange.Redis connection string of <paramref name="workload"/>: its ElastiCache user and no password (the
    /// app signs in with an IAM token, see <c>ConfigurationKeys.CacheIamAuthentication</c>).
    /// </summary>
    public string ConnectionString(string workload) =>
        $"{Hostname}:{CachePort},ssl=true,abortConnect=false,user={users.UserIdOf(workload)}";

    public void AllowFrom(ISecurityGroup peer, string description) =>
        SecurityGroup.AddIngressRule(peer, Amazon.CDK.AWS.EC2.Port.Tcp(CachePort), description);

    /// <summary>
    /// Adds <paramref name="workload"/>'s IAM-authenticated user to the cache's user group and lets its task role
    /// connect to this cache as that user (<c>elasticache:Connect</c> on the cache and the user, nothing else).
    /// </summary>
    public void Admit(string workload, IGrantable role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var user = users.Of(workload);
        admitted.Add(user.UserId);
        UserGroup.UserIds = new[] { users.Default.UserId }.Concat(admitted).ToArray();
        UserGroup.Node.AddDependency(user);
        role.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = new[] { "elasticache:Connect" },
            Resources = new[] { Cache.AttrArn, user.AttrArn },
        }));
    }
}
