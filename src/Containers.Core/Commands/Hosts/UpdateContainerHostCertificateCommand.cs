using Containers.Errors;
using Containers.Output;
using Containers.Provisioning.Certificates;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Store;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// Update-ContainerHostCertificate: issues each host a new server certificate for the addresses its driver reports
    /// now (or the new <see cref="Address"/>), updates host.json and the docker context, and restarts the engine so it
    /// serves the new certificate. What docker-machine's regenerate-certs did, without its stale-address failures.
    /// </summary>
    public sealed class UpdateContainerHostCertificateCommand
    {
        private const string AddressParameter = "Address";

        private readonly HostCommandContext _context;

        public UpdateContainerHostCertificateCommand(HostCommandContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public IReadOnlyList<string>? Name { get; set; }

        /// <summary>The host's new address: an IP address or DNS name. Only with one host.</summary>
        public string? Address { get; set; }

        public bool PassThru { get; set; }

        public async Task ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            IReadOnlyList<string> names = HostTargets.ExpandOrReport(_context.Store, Name, output);
            if (Address != null && names.Count > 1)
            {
                throw new InvalidParameterException(AddressParameter, Address, $"-Address gives one host a new address, but {names.Count} hosts were named ({string.Join(", ", names)}).");
            }

            foreach (string name in names)
            {
                try
                {
                    HostRecord record = _context.Store.Get(name);
                    IHostDriver driver = _context.Drivers(record.Driver);
                    IReadOnlyList<string> serverNames = await driver.GetServerNamesAsync(_context.Store, record, Address, cancellationToken);
                    if (!output.ShouldProcess(name, $"Issue a new server certificate for {string.Join(", ", serverNames)} and restart the host's engine"))
                    {
                        continue;
                    }

                    HostRecord updated;
                    try
                    {
                        updated = _context.Store.ReissueServerCertificate(name, serverNames, out IssuedCertificate server, out string authorityPem);
                        output.WriteVerbose($"The host '{name}' has a new server certificate ({server.Fingerprint}) for {string.Join(", ", updated.ServerNames)}.");
                        await driver.ApplyServerCertificateAsync(_context.Store, updated, new ServerCertificateFiles(authorityPem, server.CertificatePem, server.KeyPem), cancellationToken);
                    }
                    catch (ArgumentException e) when (!(e is InvalidParameterException))
                    {
                        throw new InvalidParameterException(AddressParameter, Address, e.Message);
                    }

                    if (PassThru)
                    {
                        output.WriteObject(await HostDescriber.DescribeAsync(_context, name, cancellationToken));
                    }
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ErrorClassifier.Classify(e, name, "ContainerHost"));
                }
            }
        }
    }
}
