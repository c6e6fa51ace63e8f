using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Containers.Azure.Templates;
using Containers.Commands.Hosts;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Store;
using Xunit;

namespace Containers.Azure.Tests
{
    /// <summary>
    /// Update-ContainerHostCertificate on an Azure host, driven through its core command against a replayed ARM
    /// conversation (no Azure here). The responses are replays of the real shapes: the deployment PUT answered 201 with
    /// Azure-AsyncOperation and Retry-After, polls Running then Succeeded, the deployment GET with its (empty) outputs.
    /// </summary>
    public sealed class AzureCertificateUpdateReplayTests : IDisposable
    {
        private const string Operation = "/subscriptions/" + AzureReplay.Sub + "/providers/Microsoft.Resources/operationStatuses/08584650133420779721" + AzureReplay.DeploymentsApi;

        private const string OperationPath = "/subscriptions/" + AzureReplay.Sub + "/providers/Microsoft.Resources/operationStatuses/08584650133420779721";

        private readonly AzureReplay _azure = new AzureReplay();

        public void Dispose() => _azure.Dispose();

        [Fact]
        public async Task Replay_certificate_update_reruns_the_extension_with_the_new_certificate_in_protectedSettings_only()
        {
            HostRecord before = _azure.AddHost();
            // The 201 of resources/.../stable/2021-04-01/examples/PutDeploymentResourceGroup.json; the polls in the ARM RPC's
            // "Azure-AsyncOperation Resource format" (azure-resource-manager-rpc v1.0/async-api-reference.md).
            _azure.Replay.On("PUT", AzureReplay.Deployments + "containers-certificate" + AzureReplay.DeploymentsApi, 201,
                    "{\"id\":\"" + AzureReplay.Deployments + "containers-certificate\",\"name\":\"containers-certificate\",\"properties\":{\"provisioningState\":\"Accepted\",\"mode\":\"Incremental\"}}",
                    ("Azure-AsyncOperation", "https://management.azure.com" + Operation), ("Retry-After", "0"))
                .On("GET", Operation, 200, "{\"status\":\"Running\"}", ("Retry-After", "0"))
                .On("GET", Operation, 200, "{\"status\":\"Succeeded\"}")
                .On("GET", AzureReplay.Deployments + "containers-certificate" + AzureReplay.DeploymentsApi, 200,
                    "{\"name\":\"containers-certificate\",\"properties\":{\"provisioningState\":\"Succeeded\",\"mode\":\"Incremental\",\"outputs\":{}}}");
            var output = new AzureReplay.Output();
            AzureDriver driver = _azure.Driver();
            var command = new UpdateContainerHostCertificateCommand(new HostCommandContext(_azure.Store, _ => driver)) { Name = new[] { "web01" }, Address = "20.61.7.10" };
            await command.ExecuteAsync(output, CancellationToken.None);

            Assert.Empty(output.Errors);
            HostRecord after = _azure.Store.Get("web01");
            Assert.Equal("20.61.7.10", after.Address);
            Assert.Contains("web01-a1b2c3.westeurope.cloudapp.azure.com", after.ServerNames);
            Assert.NotEqual(before.ServerCertificateFingerprint, after.ServerCertificateFingerprint);
            Assert.Equal(new[] { "PUT " + AzureReplay.Deployments + "containers-certificate", "GET " + OperationPath, "GET " + OperationPath, "GET " + AzureReplay.Deployments + "containers-certificate" }, _azure.Replay.Requests);

            JsonObject body = JsonNode.Parse(_azure.Replay.Bodies[0])!.AsObject();
            JsonObject template = body["properties"]!["template"]!.AsObject();
            JsonObject extension = Assert.Single(template["resources"]!.AsArray())!.AsObject();
            Assert.Equal("Microsoft.Compute/virtualMachines/extensions", (string)extension["type"]!);
            Assert.Equal("web01/install-docker", (string)extension["name"]!);

            // Public settings (readable by anyone with read access to the VM) hold nothing; no PEM anywhere in the template.
            Assert.Empty(extension["properties"]!["settings"]!.AsObject());
            Assert.Equal("[parameters('" + AzureTemplates.SetupParameter + "')]", (string)extension["properties"]!["protectedSettings"]!);
            Assert.DoesNotContain("BEGIN", template.ToJsonString());

            // A new forceUpdateTag makes Azure run the extension again although its settings look unchanged.
            Assert.False(string.IsNullOrEmpty((string?)body["properties"]!["parameters"]!["forceUpdateTag"]!["value"]));

            // The secure parameter carries the new server certificate (the one the store now names), its key and the store's CA.
            string script = Encoding.UTF8.GetString(Convert.FromBase64String((string)body["properties"]!["parameters"]![AzureTemplates.SetupParameter]!["value"]!["script"]!));
            string served = FileIn(script, EngineSetupScript.TlsFolder + "/server-cert.pem");
            using (X509Certificate2 certificate = X509Certificate2.CreateFromPem(served))
            {
                Assert.Equal(after.ServerCertificateFingerprint, IssuedCertificate.FingerprintOf(certificate.RawData));
            }

            Assert.Contains("BEGIN PRIVATE KEY", FileIn(script, EngineSetupScript.TlsFolder + "/server-key.pem"));
            Assert.Equal(File.ReadAllText(Path.Combine(_azure.Store.HostDirectory("web01"), "ca.pem")).Trim(), FileIn(script, EngineSetupScript.TlsFolder + "/ca.pem").Trim());
            Assert.Contains("systemctl restart docker.service", script);
        }

        /// <summary>The content the script writes to a file (a quoted here-document).</summary>
        private static string FileIn(string script, string path)
        {
            string start = "cat > " + path + " <<'CONTAINERS_END_OF_FILE'\n";
            int from = script.IndexOf(start, StringComparison.Ordinal);
            Assert.True(from >= 0, $"The script writes no {path}.");
            from += start.Length;
            return script.Substring(from, script.IndexOf("\nCONTAINERS_END_OF_FILE\n", from, StringComparison.Ordinal) - from + 1);
        }
    }
}
