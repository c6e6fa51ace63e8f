namespace Containers.Provisioning.Transactions
{
    /// <summary>
    /// One step of making a host. It says what it would make (for -WhatIf and progress) and, when it runs, registers
    /// through <see cref="StepUndo"/> how to take back each thing it made, as soon as it has made it.
    /// </summary>
    public sealed class ProvisioningStep
    {
        public ProvisioningStep(string name, string whatItMakes, Func<StepUndo, CancellationToken, Task> run)
        {
            Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A step needs a name.", nameof(name)) : name;
            WhatItMakes = whatItMakes ?? string.Empty;
            Run = run ?? throw new ArgumentNullException(nameof(run));
        }

        /// <summary>Short, in the imperative ("Start the engine"): error records and progress name the step by it.</summary>
        public string Name { get; }

        /// <summary>What running it would make or change, in full (paths, ports), for -WhatIf.</summary>
        public string WhatItMakes { get; }

        public Func<StepUndo, CancellationToken, Task> Run { get; }

        /// <summary>A step that makes nothing that needs undoing.</summary>
        public static ProvisioningStep Plain(string name, string whatItMakes, Func<CancellationToken, Task> run) =>
            new ProvisioningStep(name, whatItMakes, (_, cancellationToken) => run(cancellationToken));

        public override string ToString() => Name;
    }
}
