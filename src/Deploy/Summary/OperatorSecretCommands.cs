using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>
/// The <c>aws secretsmanager put-secret-value</c> command for each secret with no generation rule. The secret's
/// name is chosen by CloudFormation, so the command looks its ARN up from the stack by the pinned logical id.
/// </summary>
public static class OperatorSecretCommands
{
    public static IReadOnlyList<string> For(ApplicationModel application, string region, string environmentStackName)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.Secrets
            .Where(s => s.Generate is null)
            .Select(s =>
                $"aws secretsmanager put-secret-value --region {region} --secret-id \"$(aws cloudformation describe-stack-resource"
                + $" --region {region} --stack-name {environmentStackName} --logical-resource-id {AppSecrets.LogicalId(s.Name)}"
                + $" --query StackResourceDetail.PhysicalResourceId --output text)\" --secret-string '{{\"{AppSecrets.ValueKey}\":\"<{s.Name}>\"}}'")
            .ToList();
    }
}
