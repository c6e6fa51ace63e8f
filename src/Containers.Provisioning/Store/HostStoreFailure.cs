namespace Containers.Provisioning.Store
{
    /// <summary>Why the host store refused or failed, which decides the error record's id and category.</summary>
    public enum HostStoreFailure
    {
        /// <summary>The name breaks the naming rule.</summary>
        NameInvalid,

        /// <summary>A host, or a docker context, already has the name.</summary>
        NameInUse,

        /// <summary>No host has the name.</summary>
        NotFound,

        /// <summary>A file of the store cannot be read or written, or holds something it should not.</summary>
        StoreUnusable,
    }
}
