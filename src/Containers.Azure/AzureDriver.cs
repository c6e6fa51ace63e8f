using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.Identity;
using Azure.ResourceManager.Resources;
using Containers.Azure.Arm;
using Containers.Azure.Templates;
using Containers.Engine.Files;
using Containers.Errors;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Azure
{
    /// <summary>
    /// The Azure driver: a Linux VM with the engine, in a resource group of its own, made through Azure Resource
    /// Manager. Creation: sign in, choose the allowed sources, make the group (its deletion undoes everything after),
    /// deploy the network and public IP, issue the server certificate for that IP and FQDN, deploy the VM with the TLS
    /// files in the CustomScript extension's protectedSettings, write the host to the store, wait for the engine.
    /// </summary>
    public sealed class AzureDriver : IHostDriver
    {
        private readonly AzureHostOptions? _options;
        private readonly AzureDriverServices _services;

        public AzureDriver(AzureHostOptions? options, AzureDriverServices? services = null)
        {
            _options = options;
            _services = services ?? new AzureDriverServices();
        }

        public string Name => HostDrivers.Azure;

        public IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation)
        {
            string name = creation.Name;
            HostStore store = creation.Store;
            AzureHostOptions options = _options ?? new AzureHostOptions();
            AzureHostPlan plan;
            try
            {
                plan = AzureHostPlan.FromOptions(name, options, _services.EnvironmentSubscription, _services.Suffix());
            }
            catch (ArgumentException e) when (!(e is InvalidParameterException))
            {
                // A missing parameter is the driver's refusal; a malformed one goes on as the parameter's mistake
                // (Invalid<Parameter>), as the other drivers' parameters are, before anything is asked of Azure.
                throw new HostDriverException(name, e.Message, e);
            }

            ArmConnection? arm = null;
            string? address = null;
            string? fqdn = null;
            HostCertificates? certificates = null;
            SshKeyPair? sshKey = null;
            NewHost? host = null;
            string groupPath = $"/subscriptions/{plan.SubscriptionId}/resourceGroups/{plan.ResourceGroup}";
            string sources = plan.AllowedSources == null ? "the caller's public address" : string.Join(", ", plan.AllowedSources);

            return new[]
            {
                ProvisioningStep.Plain("Sign in to Azure", $"get a token for Azure Resource Manager ({(options.AccessToken != null ? "the token given with -AccessToken" : "managed identity in Azure Automation, else Azure PowerShell, Azure CLI, or a browser sign-in in an interactive session")})", async cancellationToken =>
                {
                    TokenCredential credential = _services.Credential(options.AccessToken);
                    await credential.GetTokenAsync(new TokenRequestContext(new[] { ArmConnection.ManagementScope }), cancellationToken).ConfigureAwait(false);
                    arm = Connect(credential, plan.SubscriptionId);
                }),
                ProvisioningStep.Plain("Choose the allowed sources", $"allow SSH (22) and the engine (2376) from {sources}", async cancellationToken =>
                {
                    if (plan.AllowedSources == null)
                    {
                        plan.AllowedSources = new[] { AzureHostPlan.CheckSource(await _services.CallerAddress(cancellationToken).ConfigureAwait(false)) };
                    }
                }),
                new ProvisioningStep("Create the resource group", $"create the resource group '{plan.ResourceGroup}' in {plan.Location} ({groupPath}); removing the host deletes it", async (undo, cancellationToken) =>
                {
                    ResourceGroupCollection groups = arm!.Client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(plan.SubscriptionId)).GetResourceGroups();
                    if ((await groups.ExistsAsync(plan.ResourceGroup, cancellationToken).ConfigureAwait(false)).Value)
                    {
                        // Never adopt a group: removing the host deletes its group, with whatever else is in it.
                        throw new HostDriverException(name, $"The resource group '{plan.ResourceGroup}' already exists in the subscription {plan.SubscriptionId}. An Azure host gets a resource group of its own (removing the host deletes it): choose another -ResourceGroupName.");
                    }

                    var data = new ResourceGroupData(new AzureLocation(plan.Location));
                    data.Tags["containers-host"] = name;
                    await groups.CreateOrUpdateAsync(WaitUntil.Completed, plan.ResourceGroup, data, cancellationToken).ConfigureAwait(false);
                    undo.Register($"delete the resource group '{plan.ResourceGroup}' and everything in it", undoCancellation => DeleteGroupAsync(arm, plan, undoCancellation));
                }),
                ProvisioningStep.Plain("Deploy the network", $"deploy {string.Join(", ", new[] { plan.NetworkSecurityGroup, plan.VirtualNetwork, plan.PublicIp })} (NSG, VNet and subnet, Standard static public IP '{plan.DnsLabel}.{plan.Location}.cloudapp.azure.com') with this template: {AzureTemplates.Network(plan).ToJsonString()}", async cancellationToken =>
                {
                    IReadOnlyDictionary<string, string> outputs = await new ArmDeployments(arm!).DeployAsync(plan.ResourceGroup, "containers-network", AzureTemplates.Network(plan), null, cancellationToken).ConfigureAwait(false);
                    if (!outputs.TryGetValue("publicIpAddress", out address) || !outputs.TryGetValue("fqdn", out fqdn))
                    {
                        throw new HostDriverException(name, "The network deployment succeeded but did not return the public IP address and its FQDN.");
                    }
                }),
                ProvisioningStep.Plain("Issue the certificates", $"issue a server certificate for the public IP and '{plan.DnsLabel}.{plan.Location}.cloudapp.azure.com', a client certificate, and an SSH key for '{AzureHostPlan.AdminUser}', from the host store '{store.Root}'", _ =>
                {
                    host = new NewHost
                    {
                        Name = name,
                        Driver = Name,
                        Address = address!,
                        OtherNames = new[] { fqdn! },
                        EnginePort = AzureTemplates.EnginePort,
                        SshPort = AzureTemplates.SshPort,
                        DriverSettings = plan.ToSettings(),
                        KeepServerKey = false,
                    };
                    certificates = store.IssueCertificates(host);
                    sshKey = SshKeyPair.Create(AzureHostPlan.AdminUser + "@" + name);
                    return Task.CompletedTask;
                }),
                ProvisioningStep.Plain("Deploy the virtual machine", $"deploy {plan.NetworkInterface} and the {plan.Size} Ubuntu LTS VM '{plan.VirtualMachine}' (SSH-key login only) with the engine set up by the CustomScript extension (TLS files in its protectedSettings) with this template: {AzureTemplates.Machine(plan, "SSH-PUBLIC-KEY").ToJsonString()}", async cancellationToken =>
                {
                    var files = new ServerCertificateFiles(certificates!.AuthorityPem, certificates.Server.CertificatePem, certificates.Server.KeyPem);
                    await new ArmDeployments(arm!).DeployAsync(plan.ResourceGroup, "containers-machine", AzureTemplates.Machine(plan, sshKey!.PublicKey), AzureTemplates.SetupParameters(EngineSetupScript.ProtectedSettings(files)), cancellationToken).ConfigureAwait(false);
                }),
                new ProvisioningStep("Write the host to the store", $"write the host folder '{store.HostDirectory(name)}' and the docker context '{name}'", (undo, _) =>
                {
                    creation.Record = store.Add(host!, certificates!);
                    undo.Register($"remove the host folder '{store.HostDirectory(name)}' and the docker context '{name}'", () => store.Remove(name));
                    string keyFile = Path.Combine(store.HostDirectory(name), SshKeyPair.FileName);
                    AtomicFile.Write(keyFile, Encoding.ASCII.GetBytes(sshKey!.PrivateKeyPem));
                    return Task.CompletedTask;
                }),
                ProvisioningStep.Plain("Wait for the engine", $"wait until the engine answers with TLS on port {AzureTemplates.EnginePort}", cancellationToken =>
                    _services.WaitForEngine(store, creation.Record!, cancellationToken)),
            };
        }

        public async Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            string? power;
            try
            {
                power = await GetPowerStateAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArmRequestException || e is RequestFailedException || e is AuthenticationFailedException || e is InvalidOperationException || e is FormatException || e is JsonException || e is HostDriverException)
            {
                return new HostStatus(HostState.Error, reason: $"The VM's state could not be read from Azure: {e.Message}");
            }

            switch (power)
            {
                case "running":
                    (string? version, string? problem) = await _services.ProbeEngine(store, host, cancellationToken).ConfigureAwait(false);
                    return problem == null ? new HostStatus(HostState.Running, version) : new HostStatus(HostState.Unreachable, reason: problem);
                case "deallocated":
                case "stopped":
                case "deallocating":
                case "stopping":
                    return new HostStatus(HostState.Stopped, reason: $"The VM is {power} (PowerState/{power}).");
                case "starting":
                    // The machine is there and coming up; its engine answers once it has started.
                    return new HostStatus(HostState.Unreachable, reason: "The VM is starting (PowerState/starting).");
                case null:
                    return new HostStatus(HostState.Error, reason: "Azure reports no power state for the VM.");
                default:
                    return new HostStatus(HostState.Error, reason: $"Azure reports a power state the module does not know: PowerState/{power}.");
            }
        }

        /// <summary>The VM's power state from its instance view ("running", "deallocated", "stopped", ...), or null when there is none.</summary>
        public Task<string?> GetPowerStateAsync(HostRecord host, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            return Machines(plan).GetPowerStateAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken);
        }

        public async Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            await Guard(host, "start", () => Machines(plan).StartAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken)).ConfigureAwait(false);
            await _services.WaitForEngine(store, host, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deallocates the VM: stopped but still allocated (powerOff), Azure would go on charging for it.</summary>
        public Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            return Guard(host, "stop (deallocate)", () => Machines(plan).DeallocateAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken));
        }

        public async Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            ArmVirtualMachines machines = Machines(plan);
            await Guard(host, "restart", async () =>
            {
                // Restart needs a running VM; a deallocated or stopped one is started instead.
                string? power = await machines.GetPowerStateAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken).ConfigureAwait(false);
                await (power == "running"
                    ? machines.RestartAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken)
                    : machines.StartAsync(plan.ResourceGroup, plan.VirtualMachine, cancellationToken)).ConfigureAwait(false);
            }).ConfigureAwait(false);
            await _services.WaitForEngine(store, host, cancellationToken).ConfigureAwait(false);
        }

        public Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            return DeleteGroupAsync(Connect(_services.Credential(null), plan.SubscriptionId), plan, cancellationToken);
        }

        public Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken)
        {
            // The public IP is static and its FQDN fixed by the label: the names stay those of the record unless moved.
            var names = new List<string> { newAddress ?? host.Address };
            names.AddRange(host.ServerNames.Where(n => !string.Equals(n, names[0], StringComparison.OrdinalIgnoreCase) && n != "localhost" && n != "127.0.0.1" && n != "::1"));
            return Task.FromResult<IReadOnlyList<string>>(names);
        }

        public async Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken)
        {
            AzureHostPlan plan = PlanOf(host);
            ArmConnection arm = Connect(_services.Credential(null), plan.SubscriptionId);
            await Guard(host, "deliver the new server certificate to", async () => await new ArmDeployments(arm).DeployAsync(
                plan.ResourceGroup,
                "containers-certificate",
                AzureTemplates.ExtensionOnly(plan),
                AzureTemplates.SetupParameters(EngineSetupScript.ProtectedSettings(certificate), forceUpdateTag: DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        private ArmConnection Connect(TokenCredential credential, string subscriptionId) =>
            new ArmConnection(credential, subscriptionId, _services.ArmOptions()) { PollInterval = _services.PollInterval };

        private static AzureHostPlan PlanOf(HostRecord host)
        {
            try
            {
                return AzureHostPlan.FromSettings(host.Name, host.DriverSettings);
            }
            catch (FormatException e)
            {
                throw new HostDriverException(host.Name, e.Message, e);
            }
        }

        private ArmVirtualMachines Machines(AzureHostPlan plan) => new ArmVirtualMachines(Connect(_services.Credential(null), plan.SubscriptionId));

        private static async Task DeleteGroupAsync(ArmConnection arm, AzureHostPlan plan, CancellationToken cancellationToken)
        {
            ResourceGroupResource group = arm.Client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(plan.SubscriptionId, plan.ResourceGroup));
            try
            {
                await group.DeleteAsync(WaitUntil.Completed, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already gone: what removing wanted.
            }
        }

        private static async Task Guard(HostRecord host, string what, Func<Task> action)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                throw new HostDriverException(host.Name, $"Azure could not {what} the VM of the host '{host.Name}': {e.Message}", e);
            }
            catch (ArmRequestException e)
            {
                throw new HostDriverException(host.Name, $"Azure could not {what} the VM of the host '{host.Name}': {e.Message}", e);
            }
        }
    }
}
