using System.Text;
using System.Text.Json;
using Containers.Engine;
using Containers.Engine.Errors;
using Containers.Engine.Files;
using Containers.Engine.Ssh;
using Containers.Engine.Tls;
using Containers.Engine.Transport;
using Containers.Errors;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Ssh;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Provisioning.Drivers.Ssh
{
    /// <summary>
    /// The Ssh driver: an existing Linux machine reached with the OpenSSH client (see <see cref="SshRunner"/>). Creating
    /// a host contacts the machine and pins its host key (or checks the one given), issues the server certificate for
    /// the address and the names the machine reports, provisions the engine in one SSH connection (install if missing,
    /// TLS files, daemon.json, start), waits until it answers over TLS, and only then writes the record: a failure
    /// part-way stops the engine and removes what provisioning wrote on the machine. Every later connection must meet
    /// the pinned key.
    /// </summary>
    public sealed class SshHostDriver : IHostDriver
    {
        /// <summary>How long a started engine may take to answer over TLS (its TCP listener opens after its socket).</summary>
        public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

        /// <summary>SSH's connect timeout for Get-ContainerHost's state: a machine that is off must not hold a listing.</summary>
        public static readonly TimeSpan StatusConnectTimeout = TimeSpan.FromSeconds(3);

        private static readonly TimeSpan ContactLimit = TimeSpan.FromSeconds(60);

        private readonly SshRunner _runner;

        public SshHostDriver(SshRunner? runner = null)
        {
            _runner = runner ?? new SshRunner();
        }

        public string Name => HostDrivers.Ssh;

        /// <summary>What New-ContainerHost was given; needed only to create a host.</summary>
        public SshHostParameters? Parameters { get; set; }

        /// <summary>More daemon.json settings for a new host's engine (a JSON object); the TLS and listener settings are the module's.</summary>
        public JsonElement? DaemonSettings { get; set; }

        /// <exception cref="InvalidParameterException">The parameters are missing or unusable (no address, no key file, a malformed host key).</exception>
        public IReadOnlyList<ProvisioningStep> PlanCreation(HostCreation creation)
        {
            string name = creation.Name;
            HostStore store = creation.Store;
            SshConnection first = FirstConnection(Parameters);
            int enginePort = Parameters!.EnginePort;
            var settings = new SshHostSettings(first.User, SshHostSettings.Shorten(first.IdentityFile));
            string engineUrl = new HostRecord { Address = first.Address, EnginePort = enginePort }.EngineAddress;

            SshHostKey? pinned = first.HostKey;
            IReadOnlyList<string> otherNames = Array.Empty<string>();
            HostCertificates? certificates = null;
            NewHost? host = null;
            SshConnection Pinned() => WithKey(first, pinned);

            return new[]
            {
                ProvisioningStep.Plain("Check the name", $"check that the host store '{store.Root}' has no host named '{name}' and that no docker context has that name", _ =>
                {
                    store.CheckNewName(name);
                    return Task.CompletedTask;
                }),
                ProvisioningStep.Plain(
                    "Contact the host",
                    first.HostKey == null
                        ? $"log in to {first} with the key '{first.IdentityFile}' and pin the host key the machine presents"
                        : $"log in to {first} with the key '{first.IdentityFile}', refusing any host key but {first.HostKey.Type} {first.HostKey.Fingerprint}",
                    async cancellationToken =>
                    {
                        SshResult contacted = (await _runner.RunAsync(first, EngineControlScript.Contact(), ContactLimit, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
                        pinned = contacted.HostKey ?? throw new HostDriverException(name, $"ssh did not tell which host key {first} presented, so none can be pinned.");
                        otherNames = ReportedNames(name, first.Address, contacted.StandardOutput);
                    }),
                ProvisioningStep.Plain("Issue the certificates", $"issue a server certificate for {first.Address} (and the names and addresses the machine reports), and a client certificate, from the authority of the host store '{store.Root}'", _ =>
                {
                    host = new NewHost
                    {
                        Name = name,
                        Driver = Name,
                        Address = first.Address,
                        OtherNames = otherNames,
                        EnginePort = enginePort,
                        SshPort = first.Port,
                        DriverSettings = settings.ToJson(),
                        SshHostKey = pinned!.ToString(),
                        KeepServerKey = false,
                    };
                    certificates = store.IssueCertificates(host);
                    return Task.CompletedTask;
                }),
                new ProvisioningStep(
                    "Provision the engine",
                    $"over one SSH connection to {first}: install the Docker engine if dockerd is missing, write the TLS files and daemon.json to /etc/docker (tcp port {enginePort} with TLS verification), and start the engine (systemd, or a detached dockerd)",
                    async (undo, cancellationToken) =>
                    {
                        // Registered first: a script that fails after starting the engine must not leave it running.
                        undo.Register($"stop the engine on {first.Address} and remove the files provisioning wrote there", undoCancellation => RunAsync(name, Pinned(), EngineControlScript.Remove(Locations(enginePort)), null, undoCancellation));
                        EngineProvisioning provisioning = EngineProvisioning.For(certificates!, enginePort);
                        await RunAsync(name, Pinned(), EngineProvisioningScript.Build(Locations(enginePort, provisioning, DaemonSettings)), SshRunner.DefaultTimeout, cancellationToken).ConfigureAwait(false);
                    }),
                ProvisioningStep.Plain("Wait for the engine", $"wait until the engine answers at {engineUrl} over TLS with the client certificate", cancellationToken =>
                    WaitForNewEngineAsync(store, name, engineUrl, certificates!, cancellationToken)),
                new ProvisioningStep("Write the host to the store", $"write the host folder '{store.HostDirectory(name)}' and the docker context '{name}'", (undo, _) =>
                {
                    creation.Record = store.Add(host!, certificates!);
                    undo.Register($"remove the host folder '{store.HostDirectory(name)}' and the docker context '{name}'", () => store.Remove(name));
                    return Task.CompletedTask;
                }),
            };
        }

        public async Task<HostStatus> GetStatusAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            SshConnection connection = ConnectionFor(host, StatusConnectTimeout);

            // Both at once: a machine that is off costs one timeout, not two.
            Task<(string? Version, string? Problem)> probe = EngineProbe.TryGetVersionAsync(store, host, EngineProbe.DefaultLimit, cancellationToken);
            Task<SshResult> status = _runner.RunAsync(connection, EngineControlScript.Status(Locations(host.EnginePort)), StatusConnectTimeout + TimeSpan.FromSeconds(2), null, cancellationToken);
            (string? version, string? problem) = await probe.ConfigureAwait(false);
            SshResult result;
            try
            {
                result = (await status.ConfigureAwait(false)).EnsureSuccess();
            }
            catch (SshException e)
            {
                if (problem == null)
                {
                    // The engine answers with the store's certificate: running, whatever SSH says.
                    return new HostStatus(HostState.Running, version);
                }

                bool unreachable = e.Failure == SshFailure.Unreachable || e.Failure == SshFailure.TimedOut || e.Failure == SshFailure.ConnectionFailed;
                return new HostStatus(unreachable ? HostState.Unreachable : HostState.Error, reason: e.Message);
            }

            if (problem == null)
            {
                return new HostStatus(HostState.Running, version);
            }

            if (result.StandardOutput.IndexOf("engine: running", StringComparison.Ordinal) < 0)
            {
                return new HostStatus(HostState.Stopped, reason: $"The engine on {connection.Address} is not running.");
            }

            return new HostStatus(HostState.Error, reason:
                $"The engine runs on {connection.Address} but does not answer at {host.EngineAddress} over TLS: {problem} If the machine's address changed, run Update-ContainerHostCertificate -Address.");
        }

        public async Task StartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            (_, string? problem) = await EngineProbe.TryGetVersionAsync(store, host, EngineProbe.DefaultLimit, cancellationToken).ConfigureAwait(false);
            if (problem == null)
            {
                return;
            }

            await RestartAsync(store, host, cancellationToken).ConfigureAwait(false);
        }

        public Task StopAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) =>
            RunAsync(host.Name, ConnectionFor(host), EngineControlScript.Stop(Locations(host.EnginePort)), null, cancellationToken);

        /// <summary>The start script restarts an engine that runs (systemctl restart, or the detached dockerd stopped first).</summary>
        public async Task RestartAsync(HostStore store, HostRecord host, CancellationToken cancellationToken)
        {
            await RunAsync(host.Name, ConnectionFor(host), EngineControlScript.Start(Locations(host.EnginePort)), null, cancellationToken).ConfigureAwait(false);
            await EngineProbe.WaitUntilAnswersAsync(store, host, StartLimit, () => null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Stops the engine and removes its TLS files and configuration from the machine; the engine package and its data stay.</summary>
        public Task RemoveAsync(HostStore store, HostRecord host, CancellationToken cancellationToken) =>
            RunAsync(host.Name, ConnectionFor(host), EngineControlScript.Remove(Locations(host.EnginePort)), null, cancellationToken);

        /// <summary>The address (the new one, or the recorded one), then the names and addresses the machine reports there now.</summary>
        public async Task<IReadOnlyList<string>> GetServerNamesAsync(HostStore store, HostRecord host, string? newAddress, CancellationToken cancellationToken)
        {
            string address = (newAddress ?? host.Address).Trim();
            SshConnection connection = ConnectionFor(host, address: address);
            SshResult contacted = await RunAsync(host.Name, connection, EngineControlScript.Contact(), ContactLimit, cancellationToken).ConfigureAwait(false);
            return new[] { address }.Concat(ReportedNames(host.Name, address, contacted.StandardOutput)).ToList();
        }

        /// <summary>Provisions the engine again with the new certificate (files replaced, engine restarted), at the record's (new) address.</summary>
        public async Task ApplyServerCertificateAsync(HostStore store, HostRecord host, ServerCertificateFiles certificate, CancellationToken cancellationToken)
        {
            var provisioning = new EngineProvisioning
            {
                AuthorityPem = certificate.AuthorityPem,
                ServerCertificatePem = certificate.CertificatePem,
                ServerKeyPem = certificate.KeyPem,
                EnginePort = host.EnginePort,
            };
            await RunAsync(host.Name, ConnectionFor(host), EngineProvisioningScript.Build(provisioning), SshRunner.DefaultTimeout, cancellationToken).ConfigureAwait(false);
            await EngineProbe.WaitUntilAnswersAsync(store, host, StartLimit, () => null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The connection of a host in the store: its address and SSH port, its user and key file, its pinned key.</summary>
        /// <exception cref="HostDriverException">The record has no pinned key, or its settings cannot be used.</exception>
        public static SshConnection ConnectionFor(HostRecord host, TimeSpan? connectTimeout = null, string? address = null)
        {
            SshHostSettings settings = SshHostSettings.Read(host);
            if (!SshHostKey.TryParse(host.SshHostKey ?? string.Empty, out SshHostKey? key))
            {
                throw new HostDriverException(host.Name, $"The record of the host '{host.Name}' has no usable pinned SSH host key, and connecting without one would trust any machine at {host.Address}. Remove the host with -Force and create it again.");
            }

            var connection = new SshConnection
            {
                Address = address ?? host.Address,
                Port = host.SshPort ?? SshConnection.DefaultPort,
                User = settings.User,
                IdentityFile = settings.KeyFilePath,
                HostKey = key,
                ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(15),
            };
            try
            {
                connection.Validate();
            }
            catch (ArgumentException e)
            {
                throw new HostDriverException(host.Name, $"The host '{host.Name}' cannot be reached over SSH: {e.Message}", e);
            }

            if (!File.Exists(connection.IdentityFile))
            {
                throw new HostDriverException(host.Name, $"The SSH key file of the host '{host.Name}' ('{connection.IdentityFile}', recorded as '{settings.KeyFile}') does not exist on this machine.");
            }

            return connection;
        }

        /// <exception cref="InvalidParameterException">A parameter is missing or unusable; the error names it.</exception>
        private static SshConnection FirstConnection(SshHostParameters? parameters)
        {
            if (parameters == null || string.IsNullOrWhiteSpace(parameters.Address))
            {
                throw new InvalidParameterException("Address", parameters?.Address, "The Ssh driver needs the machine's address: give -Address with its IP address or DNS name.");
            }

            string keyFile = parameters.KeyFile ?? SshHostSettings.DefaultKeyFile()
                ?? throw new InvalidParameterException("KeyFile", null, "No -KeyFile was given, and there is no ~/.ssh/id_ed25519, id_ecdsa or id_rsa to log in with: give -KeyFile with the private key the machine accepts.");
            keyFile = Path.GetFullPath(keyFile);
            if (!File.Exists(keyFile))
            {
                throw new InvalidParameterException("KeyFile", parameters.KeyFile, $"The SSH key file '{keyFile}' does not exist.");
            }

            SshHostKey? explicitKey = null;
            if (!string.IsNullOrWhiteSpace(parameters.HostKey))
            {
                try
                {
                    explicitKey = SshHostKey.Parse(parameters.HostKey!);
                }
                catch (FormatException e)
                {
                    throw new InvalidParameterException("HostKey", parameters.HostKey, e.Message);
                }
            }

            if (parameters.EnginePort < 1 || parameters.EnginePort > 65535)
            {
                throw new InvalidParameterException("EnginePort", parameters.EnginePort, $"{parameters.EnginePort} is not a TCP port: give a number from 1 to 65535.");
            }

            var connection = new SshConnection
            {
                Address = parameters.Address!.Trim(),
                Port = parameters.Port,
                User = parameters.User,
                IdentityFile = keyFile,
                HostKey = explicitKey,
            };
            try
            {
                connection.Validate();
            }
            catch (ArgumentException e)
            {
                // SshConnection names its own properties; the user knows the parameters.
                string parameter = e.ParamName == nameof(SshConnection.IdentityFile) ? "KeyFile" : e.ParamName ?? "Address";
                object? value = parameter == "Port" ? parameters.Port : parameter == "User" ? parameters.User : (object?)parameters.Address;
                throw new InvalidParameterException(parameter, value, e.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0]);
            }

            return connection;
        }

        private static SshConnection WithKey(SshConnection connection, SshHostKey? key) => new SshConnection
        {
            Address = connection.Address,
            Port = connection.Port,
            User = connection.User,
            IdentityFile = connection.IdentityFile,
            HostKey = key,
            ConnectTimeout = connection.ConnectTimeout,
        };

        /// <summary>Where the engine's files are (the defaults provisioning uses), with the TLS contents when provisioning.</summary>
        private static EngineProvisioning Locations(int enginePort, EngineProvisioning? tls = null, JsonElement? daemonSettings = null) => new EngineProvisioning
        {
            AuthorityPem = tls?.AuthorityPem ?? string.Empty,
            ServerCertificatePem = tls?.ServerCertificatePem ?? string.Empty,
            ServerKeyPem = tls?.ServerKeyPem ?? string.Empty,
            EnginePort = enginePort,
            DaemonSettings = daemonSettings,
        };

        private async Task<SshResult> RunAsync(string hostName, SshConnection connection, SshScript script, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            try
            {
                return (await _runner.RunAsync(connection, script, timeout, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            }
            catch (ArgumentException e)
            {
                throw new HostDriverException(hostName, e.Message, e);
            }
        }

        /// <summary>
        /// The machine's FQDN and addresses from the contact script's output, besides the address given: the server
        /// certificate names them all, so reaching the machine by another of its names needs no new certificate.
        /// Loopback and link-local addresses, and names a certificate cannot hold, are left out.
        /// </summary>
        private static IReadOnlyList<string> ReportedNames(string hostName, string address, string output)
        {
            var names = new List<string>();
            string kernel = string.Empty;
            foreach (string line in output.Replace("\r\n", "\n").Split('\n'))
            {
                int colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                string key = line.Substring(0, colon);
                string value = line.Substring(colon + 1).Trim();
                if (key == "kernel")
                {
                    kernel = value;
                }
                else if (key == "fqdn" && value.IndexOf('.') > 0)
                {
                    names.Add(value);
                }
                else if (key == "addresses")
                {
                    names.AddRange(value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
                }
            }

            if (!string.Equals(kernel, "Linux", StringComparison.Ordinal))
            {
                throw new HostDriverException(hostName, $"The machine at {address} runs '{(kernel.Length == 0 ? "an unknown system" : kernel)}', not Linux: the Ssh driver provisions Linux machines only.");
            }

            return names.Where(name => !string.Equals(name, address, StringComparison.OrdinalIgnoreCase) && CertificateCanName(name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static bool CertificateCanName(string name)
        {
            try
            {
                SubjectAlternativeNames names = SubjectAlternativeNames.From(new[] { name });
                return !names.Addresses.Any(ip => ip.ToString() == name && (System.Net.IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.ToString().StartsWith("169.254.", StringComparison.Ordinal)));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>
        /// Waits for the new engine with the client certificate just issued, before anything is in the store: the files
        /// are written to a temporary owner-only folder in the store (which TlsSettings reads) and deleted at once.
        /// </summary>
        private static async Task WaitForNewEngineAsync(HostStore store, string hostName, string engineUrl, HostCertificates certificates, CancellationToken cancellationToken)
        {
            TlsSettings tls;
            string folder = Path.Combine(store.Root, HostFiles.TemporaryPrefix + "probe-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            try
            {
                UnixFileModes.MakeOwnerOnlyDirectory(folder);
                AtomicFile.Write(Path.Combine(folder, HostFiles.AuthorityCertificate), Encoding.ASCII.GetBytes(certificates.AuthorityPem));
                AtomicFile.Write(Path.Combine(folder, HostFiles.ClientCertificate), Encoding.ASCII.GetBytes(certificates.Client.CertificatePem));
                AtomicFile.Write(Path.Combine(folder, HostFiles.ClientKey), Encoding.ASCII.GetBytes(certificates.Client.KeyPem));
                tls = TlsSettings.LoadFromDirectory(folder, verifyServer: true);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            DateTime deadline = DateTime.UtcNow + StartLimit;
            var options = new EngineClientOptions { ConnectTimeout = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(2), MaxIdleConnections = 0 };
            using var client = new EngineClient(EngineEndpoint.Parse(engineUrl), tls, options);
            while (true)
            {
                string problem;
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    attempt.CancelAfter(TimeSpan.FromSeconds(2));
                    await client.System.VersionAsync(attempt.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = "it did not answer within 2 s.";
                }
                catch (Exception e) when (e is EngineException || e is IOException || e is TimeoutException)
                {
                    problem = e.Message;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new HostDriverException(hostName, $"The engine of the host '{hostName}' started but did not answer at {engineUrl} over TLS within {StartLimit.TotalSeconds:0} s: {problem}");
                }

                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
