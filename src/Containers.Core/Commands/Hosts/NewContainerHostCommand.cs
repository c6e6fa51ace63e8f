using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Provisioning.Drivers;
using Containers.Provisioning.Drivers.Ssh;
using Containers.Provisioning.Store;
using Containers.Provisioning.Transactions;

namespace Containers.Commands.Hosts
{
    /// <summary>
    /// New-ContainerHost: makes a host with its driver, as one transaction (see <see cref="ProvisioningTransaction"/>):
    /// a name in use is refused before anything is made, -WhatIf lists the steps and makes nothing, a failing step
    /// undoes the earlier ones. Returns the host, running.
    /// </summary>
    public sealed class NewContainerHostCommand
    {
        private readonly HostCommandContext _context;

        public NewContainerHostCommand(HostCommandContext context)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public string Name { get; set; } = string.Empty;

        public string Driver { get; set; } = HostDrivers.Local;

        /// <summary>The Azure driver's parameters (-SubscriptionId, -Location, ...); used when <see cref="Driver"/> is Azure.</summary>
        public AzureHostOptions? Azure { get; set; }

        /// <summary>-Address, -User, -KeyFile, -Port, -HostKey and -EnginePort, for the Ssh driver; null when none was given.</summary>
        public SshHostParameters? Ssh { get; set; }

        public async Task<ContainerHost?> ExecuteAsync(ICommandOutput output, CancellationToken cancellationToken)
        {
            HostStore store = _context.Store;
            HostName.Validate(Name);
            bool azure = string.Equals(Driver, HostDrivers.Azure, StringComparison.OrdinalIgnoreCase);
            RefuseAzureParametersWithout(azure);
            IHostDriver driver = azure ? _context.AzureDriver(Azure ?? new AzureHostOptions()) : _context.Drivers(Driver);
            ApplySshParameters(driver);
            store.CheckNewName(Name);

            var creation = new HostCreation(Name, store);
            IReadOnlyList<ProvisioningStep> steps = driver.PlanCreation(creation);
            // -WhatIf's line goes to the host's console only, where no script, job or redirection sees it: the plan (the
            // Azure templates among it) goes to the verbose stream too, a step a message. -WhatIf -Verbose shows it.
            for (int i = 0; i < steps.Count; i++)
            {
                output.WriteVerbose($"{Name}, step {i + 1} of {steps.Count}, {steps[i].Name}: {steps[i].WhatItMakes}");
            }

            if (!output.ShouldProcess(Name, Describe(driver, steps)))
            {
                return null;
            }

            await new ProvisioningTransaction(Name, steps).RunAsync(new ProvisioningOutput(output), cancellationToken);
            if (creation.Record == null)
            {
                throw new InvalidOperationException($"The {driver.Name} driver made the host '{Name}' without writing it to the store.");
            }

            ContainerHost host = await HostDescriber.DescribeAsync(_context, creation.Record.Name, cancellationToken);
            output.WriteObject(host);
            return host;
        }

        // As with the Ssh parameters: an Azure parameter given to another driver is a mistake to say, not to ignore.
        private void RefuseAzureParametersWithout(bool azure)
        {
            if (azure || Azure == null)
            {
                return;
            }

            string? given = Azure.SubscriptionId != null ? nameof(AzureHostOptions.SubscriptionId)
                : Azure.Location != null ? nameof(AzureHostOptions.Location)
                : Azure.Size != null ? nameof(AzureHostOptions.Size)
                : Azure.ResourceGroupName != null ? nameof(AzureHostOptions.ResourceGroupName)
                : Azure.AllowedSourceAddress != null ? nameof(AzureHostOptions.AllowedSourceAddress)
                : Azure.AccessToken != null ? nameof(AzureHostOptions.AccessToken)
                : null;
            if (given != null)
            {
                throw new InvalidParameterException(given, null, $"-{given} is for -Driver Azure, not {Driver}; -SubscriptionId, -Location, -Size, -ResourceGroupName, -AllowedSourceAddress and -AccessToken are all Azure's.");
            }
        }

        private void ApplySshParameters(IHostDriver driver)
        {
            if (Ssh != null && driver.Name != HostDrivers.Ssh)
            {
                throw new InvalidParameterException(nameof(SshHostParameters.Address), Ssh.Address, $"-Address, -User, -KeyFile, -Port, -HostKey and -EnginePort are for -Driver Ssh, not {driver.Name}.");
            }

            if (driver is SshHostDriver ssh && ssh.Parameters == null)
            {
                ssh.Parameters = Ssh;
            }
        }

        /// <summary>What -WhatIf prints: every step and what it would make, numbered.</summary>
        public static string Describe(IHostDriver driver, IReadOnlyList<ProvisioningStep> steps) =>
            $"Create a {driver.Name} host in {steps.Count} steps: "
            + string.Join("; ", steps.Select((step, i) => $"{i + 1}. {step.Name}: {step.WhatItMakes}"));
    }
}
