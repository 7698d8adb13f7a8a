using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Email">Subscribed to the topic when set (the subscription must be confirmed from the mail).</param>
public sealed record AlarmTopicProps(string Name, string? Email, bool Production);

/// <summary>
/// The SNS topic alarms and budget alerts publish to, encrypted with its own KMS key: the AWS managed
/// <c>aws/sns</c> key cannot be used by CloudWatch or AWS Budgets.
/// </summary>
public sealed class AlarmTopic : Construct
{
    private static readonly string[] Publishers = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"];

    public AlarmTopic(Construct scope, string id, AlarmTopicProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"Encrypts the {props.Name} alarm topic",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(7),
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AlarmPublishers",
            Principals = Publishers.Select(p => (IPrincipal)new ServicePrincipal(p)).ToArray(),
            Actions = new[] { "kms:Decrypt", "kms:GenerateDataKey" },
            Resources = new[] { "*" },
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
        }));
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = props.Name,
            MasterKey = Key,
            EnforceSSL = true,
        });
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "BudgetAlerts",
            Principals = new IPrincipal[] { new ServicePrincipal("budgets.amazonaws.com") },
            Actions = new[] { "sns:Publish" },
            Resources = new[] { Topic.TopicArn },
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
        }));
        if (props.Email is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }
    }

    public Key Key { get; }

    public Topic Topic { get; }
}
