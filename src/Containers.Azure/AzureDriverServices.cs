using Azure.Core;
using Azure.ResourceManager;
using Containers.Azure.Credentials;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Azure
{
    /// <summary>
    /// What the Azure driver reaches outside itself, each replaceable by tests: credentials, the ARM transport (a replay
    /// in tests), how the caller's public address is found, and how the engine is asked and waited for.
    /// </summary>
    public sealed class AzureDriverServices
    {
        /// <summary>The credential for a token the user gave, or null: the module's order (see <see cref="AzureCredentialChain"/>).</summary>
        public Func<string?, TokenCredential> Credential { get; set; } = token => AzureTokenSource.ForProcess(token).Credential;

        /// <summary>ARM client options; tests set Transport to a replay.</summary>
        public Func<ArmClientOptions> ArmOptions { get; set; } = () => new ArmClientOptions();

        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The caller's public IPv4 address, when -AllowedSourceAddress is left out.</summary>
        public Func<CancellationToken, Task<string>> CallerAddress { get; set; } = FindCallerAddressAsync;

        /// <summary>Waits until the new host's engine answers over TLS.</summary>
        public Func<HostStore, HostRecord, CancellationToken, Task> WaitForEngine { get; set; } = (store, host, cancellationToken) =>
            EngineProbe.WaitUntilAnswersAsync(store, host, TimeSpan.FromMinutes(10), () => null, cancellationToken);

        /// <summary>Asks a running VM's engine for its version (host state Running, or Unreachable and why).</summary>
        public Func<HostStore, HostRecord, CancellationToken, Task<(string? Version, string? Problem)>> ProbeEngine { get; set; } = (store, host, cancellationToken) =>
            EngineProbe.TryGetVersionAsync(store, host, EngineProbe.DefaultLimit, cancellationToken);

        /// <summary>The random part of the DNS label (labels are unique per region).</summary>
        public Func<string> Suffix { get; set; } = () => Guid.NewGuid().ToString("N").Substring(0, 6);

        public string? EnvironmentSubscription { get; set; } = Environment.GetEnvironmentVariable("AZURE_SUBSCRIPTION_ID");

        /// <summary>Asks a public echo service which address this machine's traffic leaves from (what the NSG will see).</summary>
        public static async Task<string> FindCallerAddressAsync(CancellationToken cancellationToken)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                using HttpResponseMessage response = await client.GetAsync("https://api.ipify.org", cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new InvalidOperationException($"This machine's public address could not be found (https://api.ipify.org: {e.Message}). Give the addresses allowed to reach the host with -AllowedSourceAddress.", e);
            }
        }
    }
}
