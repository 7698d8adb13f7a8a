using Amazon.CDK.AWS.ElastiCache;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Prefix">The environment's name prefix: ElastiCache user IDs are unique per account and region.</param>
public sealed record CacheUsersProps(string Prefix);

/// <summary>
/// The ElastiCache users of an environment's caches: a <c>default</c> user that is switched off (a user group must
/// hold a user named <c>default</c>; connections that do not sign in get nothing), and one IAM-authenticated user per
/// workload that uses a cache, whose ID and name are equal as IAM authentication requires.
/// </summary>
/// <remarks>
/// Engine <c>redis</c>, which Valkey caches accept: a <c>valkey</c> user group cannot hold a user without a password,
/// and the switched-off <c>default</c> user has none to leak.
/// </remarks>
public sealed class CacheUsers : Construct
{
    public const string Engine = "redis";

    /// <summary>Every key and command the cache allows: the boundary is which workload may sign in at all.</summary>
    public const string WorkloadAccessString = "on ~* +@all";

    public const string DefaultAccessString = "off -@all";

    private const string DefaultUserName = "default";

    private readonly Dictionary<string, CfnUser> workloadUsers = new(StringComparer.Ordinal);
    private readonly string prefix;

    public CacheUsers(Construct scope, string id, CacheUsersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        prefix = props.Prefix.ToLowerInvariant();
        Default = new CfnUser(this, "DefaultUser", new CfnUserProps
        {
            UserId = $"{prefix}-{DefaultUserName}",
            UserName = DefaultUserName,
            Engine = Engine,
            AccessString = DefaultAccessString,
            AuthenticationMode = AuthenticationMode("no-password-required"),
            NoPasswordRequired = true,
        });
    }

    /// <summary>The switched-off <c>default</c> user every user group holds.</summary>
    public CfnUser Default { get; }

    /// <summary>The ElastiCache user ID (and name) of <paramref name="workload"/>: <c>{prefix}-{workload}</c>.</summary>
    public string UserIdOf(string workload)
    {
        if (workload.Equals(DefaultUserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Workload '{workload}' would have the ElastiCache user ID of the environment's switched-off default user: rename the workload in the AppHost.");
        }

        return $"{prefix}-{workload.ToLowerInvariant()}";
    }

    /// <summary>The IAM-authenticated user of <paramref name="workload"/>, created on first use.</summary>
    public CfnUser Of(string workload)
    {
        if (!workloadUsers.TryGetValue(workload, out var user))
        {
            var userId = UserIdOf(workload);
            user = new CfnUser(this, NameCase.Pascal(workload), new CfnUserProps
            {
                UserId = userId,
                UserName = userId,
                Engine = Engine,
                AccessString = WorkloadAccessString,
                AuthenticationMode = AuthenticationMode("iam"),
            });
            workloadUsers.Add(workload, user);
        }

        return user;
    }

    // The property is untyped JSON in CloudFormation's schema: a typed AuthenticationModeProperty would be written
    // with a lower-case "type".
    private static Dictionary<string, object> AuthenticationMode(string type) => new(StringComparer.Ordinal) { ["Type"] = type };
}
