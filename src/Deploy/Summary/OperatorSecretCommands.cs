using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>
/// The command that sets each secret with no generation rule. The secret's name is chosen by CloudFormation, so the
/// command looks its ARN up from the stack by the pinned logical id. The value is read without echo and reaches
/// <c>aws secretsmanager put-secret-value</c> on stdin, so it is in no command line, process list or shell history.
/// </summary>
public static class OperatorSecretCommands
{
    public static IReadOnlyList<string> For(ApplicationModel application, string region, string environmentStackName)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Secrets
            .Where(s => s.Generate is null)
            .Select(s =>
                $"read -rsp '{s.Name}: ' SECRET_VALUE && echo && SECRET_VALUE=\"$SECRET_VALUE\" jq -n '{{{AppSecrets.ValueKey}: env.SECRET_VALUE}}'"
                + $" | aws secretsmanager put-secret-value --region {region} --secret-id \"$(aws cloudformation describe-stack-resource"
                + $" --region {region} --stack-name {environmentStackName} --logical-resource-id {AppSecrets.LogicalId(s.Name)}"
                + " --query StackResourceDetail.PhysicalResourceId --output text)\" --secret-string file:///dev/stdin; unset SECRET_VALUE")
            .ToList();
    }
}
