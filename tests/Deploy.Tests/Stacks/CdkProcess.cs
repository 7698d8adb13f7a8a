namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>Process-wide settings for the jsii node host; call before the first CDK type is touched.</summary>
internal static class CdkProcess
{
    public static void Initialize()
    {
        // Node 20 prints a large end-of-life banner on every jsii start otherwise.
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    }
}
