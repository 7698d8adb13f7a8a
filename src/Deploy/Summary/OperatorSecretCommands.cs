using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>
/// The command that sets each secret with no generation rule (<see cref="AppSecrets.SetCommand"/>). The secret's name
/// is chosen by CloudFormation, so the command looks its ARN up from the secrets stack by the pinned logical id.
/// </summary>
public static class OperatorSecretCommands
{
    public static IReadOnlyList<string> For(ApplicationModel application, string region, string secretsStackName)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.OperatorSecrets
            .Select(s => AppSecrets.SetCommand(s.Name, region,
                $"\"$(aws cloudformation describe-stack-resource --region {region} --stack-name {secretsStackName}"
                + $" --logical-resource-id {AppSecrets.LogicalId(s.Name)} --query StackResourceDetail.PhysicalResourceId --output text)\""))
            .ToList();
    }
}
