namespace AppDelivery.Aspire.Deploy.Model;

public sealed record EnvironmentVariable(string Name, EnvValue Value);
