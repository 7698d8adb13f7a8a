using AppDelivery.Aspire.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppDelivery.Aspire.AppHost.LocalServers;

public static class PostgresExecutableBuilderExtensions
{
    /// <summary>
    /// Runs the PostgreSQL server installed on this machine in place of the container. Its data is kept between
    /// runs (<see cref="LocalDataDirectory"/>); the password is generated once and kept in user secrets, like the
    /// container's. <paramref name="cloudImageTag"/> is the container tag the deployment's major follows: a
    /// different local major gets a warning in the resource's log.
    /// </summary>
    public static IResourceBuilder<PostgresExecutableResource> AddPostgresExecutable(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string cloudImageTag)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");
        var osUser = Environment.IsPrivilegedProcess ? PostgresInstallation.OsUser : null;
        // Found now: a missing server stops the AppHost with its install command.
        var server = new PostgresExecutableResource(name, PostgresInstallation.Find(), password, LocalDataDirectory.For(builder, name, osUser));

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of '{name}' is not known yet."),
            name: healthCheckKey);

        return builder.AddResource(server)
            .WithEndpoint(name: PostgresExecutableResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                ShellCommand.AddPrefix(context, name);
                if (osUser is not null)
                {
                    context.Args.Add("runuser");
                    context.Args.Add("-u");
                    context.Args.Add(osUser);
                    context.Args.Add("--");
                }

                context.Args.Add(server.Installation.PostgresExecutable);
                context.Args.Add("-D");
                context.Args.Add(server.DataPath);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("-c");
                context.Args.Add("listen_addresses=127.0.0.1");
                context.Args.Add("-c");
                context.Args.Add("unix_socket_directories=");
            })
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((resource, startEvent, cancellationToken) =>
                PrepareDataDirectoryAsync(resource, ImageTag.MajorVersion(cloudImageTag), startEvent.Services, cancellationToken))
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }

    /// <summary>
    /// A database on the server, created when the server is ready; its state follows the server's and is
    /// Running once the database exists.
    /// </summary>
    public static IResourceBuilder<PostgresExecutableDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresExecutableResource> server, [ResourceName] string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        var database = new PostgresExecutableDatabaseResource(name, databaseName ?? name, server.Resource);

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException($"The database '{name}' does not exist yet."),
            name: healthCheckKey);

        server.OnResourceReady(async (serverResource, readyEvent, cancellationToken) =>
        {
            await CreateDatabaseAsync(serverResource, database.DatabaseName, cancellationToken);
            connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await readyEvent.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(
                database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
        });

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new(CustomResourceKnownProperties.Source, server.Resource.Name)],
            })
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource((resource, initializeEvent, cancellationToken) =>
            {
                _ = FollowServerStateAsync(resource, initializeEvent.Notifications, cancellationToken);
                return Task.CompletedTask;
            });
    }

    private static async Task PrepareDataDirectoryAsync(
        PostgresExecutableResource server, int cloudMajorVersion, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var installation = server.Installation;
        if (installation.MajorVersion != cloudMajorVersion)
        {
            AppHostLog.VersionDiffersFromCloud(
                logger, $"PostgreSQL {installation.MajorVersion} ({installation.BinDirectory})", $"PostgreSQL {cloudMajorVersion}");
        }

        var versionFile = Path.Combine(server.DataPath, "PG_VERSION");
        if (File.Exists(versionFile))
        {
            var dataMajorVersion = (await File.ReadAllTextAsync(versionFile, cancellationToken)).Trim();
            if (dataMajorVersion != installation.MajorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException(
                    $"{server.DataPath} holds PostgreSQL {dataMajorVersion} data, but PostgreSQL {installation.MajorVersion} is installed: delete that folder to start afresh.");
            }

            return;
        }

        Directory.CreateDirectory(server.WorkingDirectory);
        var password = await server.PasswordParameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Parameter '{server.PasswordParameter.Name}' has no value.");
        await installation.InitializeDataDirectoryAsync(server.DataPath, PostgresExecutableResource.SuperUser, password, cancellationToken);
        AppHostLog.CreatedDataDirectory(logger, installation.MajorVersion, server.DataPath);
    }

    private static async Task CreateDatabaseAsync(PostgresExecutableResource server, string databaseName, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString!);
        await using var exists = dataSource.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
        exists.Parameters.AddWithValue(databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var identifier = new NpgsqlCommandBuilder().QuoteIdentifier(databaseName);
            await using var create = dataSource.CreateCommand($"CREATE DATABASE {identifier}");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>DCP reports a parent's state to its children only for containers: this does it for the database.</summary>
    private static async Task FollowServerStateAsync(
        PostgresExecutableDatabaseResource database, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                // Running is the database's own news: the server's Running comes before the database exists.
                if (update.Resource == database.Parent && update.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = update.Snapshot.State });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }
}
