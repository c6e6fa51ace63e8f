using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers
{
    /// <summary>
    /// A host being made: the name and store, and what the steps learn on the way (the record, once written). Each
    /// driver's steps share it; a driver keeps anything else it needs in its own step closures.
    /// </summary>
    public sealed class HostCreation
    {
        public HostCreation(string name, HostStore store)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Store = store ?? throw new ArgumentNullException(nameof(store));
        }

        public string Name { get; }

        public HostStore Store { get; }

        /// <summary>Set by the step that writes the host to the store; the host the command returns.</summary>
        public HostRecord? Record { get; set; }
    }
}
