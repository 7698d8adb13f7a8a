namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>
/// A resource's environment as the manifest publisher sees it: values that refer to other resources stay
/// expressions (<c>{appdb.connectionString}</c>); nothing is resolved, so no secret value can appear.
/// </summary>
internal static class PublishEnvironment
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(IResource resource, DistributedApplicationExecutionContext executionContext)
    {
        Assert.True(executionContext.IsPublishMode);
        var values = new Dictionary<string, object>();
        if (resource.TryGetEnvironmentVariables(out var callbacks))
        {
            var context = new EnvironmentCallbackContext(executionContext, resource, values);
            foreach (var callback in callbacks)
            {
                await callback.Callback(context);
            }
        }

        return values.ToDictionary(v => v.Key, v => Describe(v.Value));
    }

    private static string Describe(object value) => value switch
    {
        string text => text,
        IManifestExpressionProvider expression => expression.ValueExpression,
        _ => throw new InvalidOperationException($"Unexpected environment value type {value.GetType()}"),
    };
}
