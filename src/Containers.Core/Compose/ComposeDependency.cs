namespace Containers.Compose
{
    /// <summary>One entry of depends_on (the list form gives the defaults).</summary>
    public sealed class ComposeDependency
    {
        /// <summary>service_started (the default), service_healthy or service_completed_successfully.</summary>
        public string Condition { get; init; } = "service_started";

        /// <summary>Restart this service when the dependency is updated.</summary>
        public bool Restart { get; init; }

        /// <summary>False: a dependency that is not running, or that no active profile enables (it may then be missing from the project's services), is passed over.</summary>
        public bool Required { get; init; } = true;
    }
}
