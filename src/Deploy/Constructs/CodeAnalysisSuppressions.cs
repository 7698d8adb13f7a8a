using System.Diagnostics.CodeAnalysis;

// CDK construction runs once per synthesis; jsii props take fresh arrays, so hoisting them buys nothing.
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants", Target = "~N:AppDelivery.Aspire.Deploy.Constructs")]
[assembly: SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Scope = "namespaceanddescendants", Target = "~N:AppDelivery.Aspire.Deploy.Stacks")]

// Stacks are named after CDK's Stack, as every CDK app does.
[assembly: SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Scope = "type", Target = "~T:AppDelivery.Aspire.Deploy.Stacks.BaseStack")]
[assembly: SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Scope = "type", Target = "~T:AppDelivery.Aspire.Deploy.Stacks.EnvironmentStack")]
[assembly: SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Scope = "type", Target = "~T:AppDelivery.Aspire.Deploy.Stacks.SecretsStack")]
