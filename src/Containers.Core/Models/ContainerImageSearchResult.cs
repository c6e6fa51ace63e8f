using Containers.Engine.Models;

namespace Containers.Models
{
    /// <summary>One image a registry's search found (docker search): its name there, description, stars and badges.</summary>
    public sealed class ContainerImageSearchResult
    {
        internal ContainerImageSearchResult(string name, string? description, int stars, bool isOfficial, bool isAutomated, string registry)
        {
            Name = name;
            Description = description;
            Stars = stars;
            IsOfficial = isOfficial;
            IsAutomated = isAutomated;
            Registry = registry;
        }

        /// <summary>The repository as the search names it: <c>nginx</c>, <c>bitnami/nginx</c>. Piping the object binds -Name of Invoke-ImagePull to it.</summary>
        public string Name { get; }

        public string? Description { get; }

        public int Stars { get; }

        /// <summary>An official image (Docker Hub's curated library).</summary>
        public bool IsOfficial { get; }

        /// <summary>Built automatically from a source repository (a badge Docker Hub no longer gives, still reported).</summary>
        public bool IsAutomated { get; }

        /// <summary>The registry searched: <c>docker.io</c> unless the term named another.</summary>
        public string Registry { get; }

        public override string ToString() => Name;

        internal static ContainerImageSearchResult From(ImageSearchResult hit, string registry) =>
            new ContainerImageSearchResult(hit.Name, string.IsNullOrEmpty(hit.Description) ? null : hit.Description, hit.StarCount, hit.IsOfficial, hit.IsAutomated, registry);
    }
}
