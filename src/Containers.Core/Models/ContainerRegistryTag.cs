namespace Containers.Models
{
    /// <summary>One tag of a repository in a registry, as its v2 tag list names it. Pipe it to Invoke-ImagePull.</summary>
    public sealed class ContainerRegistryTag
    {
        internal ContainerRegistryTag(string registry, string repository, string tag)
        {
            Registry = registry;
            Repository = repository;
            Tag = tag;
        }

        /// <summary>The registry as image references name it: <c>docker.io</c>, <c>registry.example.com:5000</c>.</summary>
        public string Registry { get; }

        /// <summary>The repository as the docker CLI shows it: <c>nginx</c>, <c>team/app</c>, <c>registry.example.com:5000/app</c>.</summary>
        public string Repository { get; }

        public string Tag { get; }

        /// <summary>repository:tag, the reference to pull: piping the object binds -Name of Invoke-ImagePull to it.</summary>
        public string Name => Repository + ":" + Tag;

        public override string ToString() => Name;
    }
}
