namespace AppDelivery.Aspire.Tests;

/// <summary>
/// The example credentials of AWS's SigV4 documentation and a region, in this process's environment (where the AWS
/// SDK's default resolver finds them) until disposed, which restores what was there.
/// </summary>
internal sealed class FakeAwsCredentials : IDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";

    private static readonly Dictionary<string, string?> Values = new(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_REGION"] = "eu-west-1",
    };

    private readonly Dictionary<string, string?> saved = Values.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public FakeAwsCredentials()
    {
        foreach (var (name, value) in Values)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
