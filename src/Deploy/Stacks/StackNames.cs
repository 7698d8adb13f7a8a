namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>CloudFormation stack names; the CLI deploys and destroys by these.</summary>
public static class StackNames
{
    public static string Base(string appName) => $"{appName}-base";

    public static string Environment(string appName, string environment) => $"{appName}-{environment}";

    /// <summary>The operator-set secrets of one environment, deployed before its environment stack.</summary>
    public static string Secrets(string appName, string environment) => $"{appName}-{environment}-secrets";
}
