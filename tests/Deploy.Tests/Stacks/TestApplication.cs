using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// The template's application built by hand, as the manifest reader would build it: PostgreSQL
/// <c>appdb</c>, Valkey <c>cache</c>, a generated <c>api-key</c>, the <c>migrations</c> job, an internal
/// <c>api</c> and an external <c>web</c>.
/// </summary>
internal static class TestApplication
{
    public const string Api = "api";
    public const string Web = "web";
    public const string Migrations = "migrations";
    public const string ApiKey = "api-key";
    public const string OperatorSecret = "smtp-password";

    public static readonly EndpointModel InternalHttp = new("http", "http", External: false);
    public static readonly EndpointModel ExternalHttp = new("http", "http", External: true);

    public static ApplicationModel Create(bool withOperatorSecret = false)
    {
        var secrets = new List<SecretModel> { new(ApiKey, new GeneratedSecret(32, Special: false)) };
        var webEnvironment = new List<EnvironmentVariable>
        {
            new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", new LiteralValue("true")),
            new("HTTP_PORTS", new ServicePortValue(Web, "http")),
            new("services__api__http__0", new ServiceUrlValue(Api, "http")),
            new("ConnectionStrings__cache", new CacheConnectionStringValue("cache")),
            new("Auth__ApiKey", new SecretValue(ApiKey)),
        };
        if (withOperatorSecret)
        {
            secrets.Add(new SecretModel(OperatorSecret, Generate: null));
            webEnvironment.Add(new EnvironmentVariable("Smtp__Password", new SecretValue(OperatorSecret)));
        }

        return new ApplicationModel(
            [
                new WorkloadModel(Migrations, new ProjectImage("../Migrations/Migrations.csproj"), WorkloadKind.Job, [],
                [
                    new("ConnectionStrings__appdb", new DatabaseConnectionStringValue("appdb")),
                ]),
                new WorkloadModel(Api, new ProjectImage("../Api/Api.csproj"), WorkloadKind.Service, [InternalHttp],
                [
                    new("ASPNETCORE_FORWARDEDHEADERS_ENABLED", new LiteralValue("true")),
                    new("HTTP_PORTS", new ServicePortValue(Api, "http")),
                    new("ConnectionStrings__appdb", new DatabaseConnectionStringValue("appdb")),
                    new("ConnectionStrings__cache", new CacheConnectionStringValue("cache")),
                    new("Auth__ApiKey", new SecretValue(ApiKey)),
                ]),
                new WorkloadModel(Web, new ProjectImage("../Web/Web.csproj"), WorkloadKind.Service, [ExternalHttp], webEnvironment),
            ],
            [new DatabaseServerModel("postgres", "postgres", 17, [new DatabaseModel("appdb", "appdb")])],
            [new CacheModel("cache", "valkey")],
            secrets);
    }
}
