using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Containers.Tests.Fixtures
{
    /// <summary>
    /// A v2 registry of the tests' own (docker-registry, from Debian's package) on a loopback port, with htpasswd
    /// authentication, shared by the whole run and removed when the test process exits. dockerd treats 127.0.0.0/8 as
    /// an insecure registry by default, so the private engine pushes and pulls to it over plain HTTP, and a reference
    /// such as <c>127.0.0.1:PORT/name:tag</c> never reaches the internet.
    /// </summary>
    public sealed class PrivateRegistry
    {
        private static readonly Lazy<Task<PrivateRegistry>> Instance = new Lazy<Task<PrivateRegistry>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

        private PrivateRegistry(string directory, int port, string userName, string password)
        {
            Directory = directory;
            Port = port;
            UserName = userName;
            Password = password;
        }

        public string Directory { get; }

        public int Port { get; }

        /// <summary>The registry as image references name it: <c>127.0.0.1:PORT</c>.</summary>
        public string Host => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string UserName { get; }

        public string Password { get; }

        public static Task<PrivateRegistry> GetAsync() => Instance.Value;

        /// <summary>An HTTP client for the registry's own API, with or without the test credentials.</summary>
        public HttpClient CreateHttpClient(bool authenticated)
        {
            var client = new HttpClient { BaseAddress = new Uri("http://" + Host + "/"), Timeout = TimeSpan.FromSeconds(30) };
            if (authenticated)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + Password)));
            }

            return client;
        }

        private static async Task<PrivateRegistry> StartAsync()
        {
            Prerequisites.RequireRoot();
            string registry = Prerequisites.Require("docker-registry");
            string htpasswd = Prerequisites.Require("htpasswd");
            string directory = Watchdog.CreateOwnedDirectory("reg-");
            string userName = "tester";
            string password = Guid.NewGuid().ToString("N");
            int port = LoopbackPort.Free();

            // The registry reads only bcrypt entries.
            File.WriteAllText(Path.Combine(directory, "htpasswd"), Programs.Run(htpasswd, new[] { "-Bbn", userName, password }));
            string config = Path.Combine(directory, "config.yml");
            File.WriteAllText(config, string.Join("\n",
                "version: 0.1",
                "log:",
                "  level: warn",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + Path.Combine(directory, "data"),
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "auth:",
                "  htpasswd:",
                "    realm: containers-test",
                "    path: " + Path.Combine(directory, "htpasswd"),
                string.Empty));

            await Watchdog.StartAsync(directory, "registry", registry, new[] { "serve", config }).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Watchdog.RequestStop(directory);
            var started = new PrivateRegistry(directory, port, userName, password);
            try
            {
                await started.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            catch
            {
                Watchdog.Stop(directory);
                throw;
            }

            return started;
        }

        /// <summary>Ready when <c>/v2/</c> asks for credentials: the registry is up and its htpasswd file was read.</summary>
        private async Task WaitUntilReadyAsync(TimeSpan limit)
        {
            using HttpClient client = CreateHttpClient(authenticated: false);
            var clock = Stopwatch.StartNew();
            string last = "no answer";
            while (clock.Elapsed < limit)
            {
                try
                {
                    using HttpResponseMessage response = await client.GetAsync("v2/").ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        return;
                    }

                    last = "HTTP " + (int)response.StatusCode;
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            throw new TimeoutException($"The test registry did not answer on {Host} within {limit.TotalSeconds:0} s ({last}). Its log:\n{Watchdog.ReadLogTail(Directory, "registry")}");
        }
    }
}
