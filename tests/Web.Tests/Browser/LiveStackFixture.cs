extern alias ApiApp;

using System.Security.Cryptography;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.Migrations;
using AppDelivery.Aspire.Tests;
using AppDelivery.Aspire.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace AppDelivery.Aspire.Web.Tests.Browser;

/// <summary>
/// The whole application on this machine: PostgreSQL and Valkey processes, the migrated database, the Api and the
/// Web on real ports (the Web finding the Api through service discovery), and a headless Chromium.
/// </summary>
public sealed class LiveStackFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private PostgresServer? _postgres;
    private ValkeyServer? _valkey;
    private KestrelAppFactory<ApiApp::Program>? _api;
    private KestrelAppFactory<Program>? _web;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri WebAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        _postgres = await PostgresServer.StartAsync(timeout.Token);
        _valkey = await ValkeyServer.StartAsync(null, timeout.Token);
        var database = await _postgres.CreateDatabaseAsync();
        DatabaseMigrator.Migrate(database);

        // Writes need the key: a Web that failed to send it would fail every create in these tests.
        var apiKey = RandomNumberGenerator.GetHexString(32);
        _api = new KestrelAppFactory<ApiApp::Program>(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.Database}"] = database,
            [$"ConnectionStrings:{ResourceNames.Cache}"] = _valkey.ConnectionString,
            [ConfigurationKeys.ApiKey] = apiKey,
        });
        var apiAddress = _api.Start();

        _web = new KestrelAppFactory<Program>(
            new Dictionary<string, string>
            {
                [$"ConnectionStrings:{ResourceNames.Cache}"] = _valkey.ConnectionString,
                [$"services:{ResourceNames.Api}:http:0"] = apiAddress.GetLeftPart(UriPartial.Authority),
                [ConfigurationKeys.ApiKey] = apiKey,
            },
            services => services.UseShortRetryDelays());
        WebAddress = _web.Start();

        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumBrowser.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser tab with cookies of its own and short timeouts.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = WebAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        page.SetDefaultNavigationTimeout(30_000);
        return page;
    }

    /// <summary>Stops the Api, as an outage would; the Web keeps running.</summary>
    public async Task StopApiAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
            _api = null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        await StopApiAsync();
        if (_valkey is not null)
        {
            await _valkey.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
