//-:cnd:noEmit
#if ASPIRE_AWS
using Amazon;
#endif

namespace AppDelivery.Aspire.AppHost;

/// <summary>
/// The only use of Aspire.Hosting.AWS in the AppHost: in run mode, services that call AWS get the SDK
/// profile and region from the AppHost's configuration (<c>AWS:Profile</c>, <c>AWS:Region</c>, e.g. user
/// secrets); in publish mode it writes nothing, since in AWS the task role and region apply.
/// Compiled when the MSBuild property <c>AspireAwsIntegration</c> is true (the default).
/// </summary>
internal static class AwsSdkConfigExtensions
{
    public static IResourceBuilder<T> WithAwsSdkConfig<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithEnvironment
    {
#if ASPIRE_AWS
        var configuration = resource.ApplicationBuilder.Configuration;
        var sdkConfig = resource.ApplicationBuilder.AddAWSSDKConfig();
        if (configuration["AWS:Profile"] is { Length: > 0 } profile)
        {
            sdkConfig.WithProfile(profile);
        }

        if (configuration["AWS:Region"] is { Length: > 0 } region)
        {
            sdkConfig.WithRegion(RegionEndpoint.GetBySystemName(region));
        }

        return resource.WithReference(sdkConfig);
#else
        return resource;
#endif
    }
}
//+:cnd:noEmit
