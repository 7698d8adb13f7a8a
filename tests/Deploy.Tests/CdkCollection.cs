namespace AppDelivery.Aspire.Deploy.Tests;

/// <summary>
/// Every test that touches the CDK: jsii (CDK's JavaScript runtime host) is not thread-safe, so these
/// never run in parallel with each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CdkCollectionDefinition
{
    public const string Name = "cdk";
}
