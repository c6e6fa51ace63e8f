using Containers.Commands.Images;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.References;
using Containers.Engine.Registries;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Text;

namespace Containers.Commands.Registries
{
    /// <summary>
    /// Get-ContainerRegistryTag: a repository's tags as its registry lists them (<c>GET /v2/NAME/tags/list</c>, page after
    /// page), asked with the login given or stored for the registry, or anonymously. Straight to the registry, not through
    /// the engine, which has no endpoint for it.
    /// </summary>
    public sealed class GetRegistryTagCommand
    {
        private readonly DockerCredentialStore _store;
        private readonly RegistryClient _client;

        public GetRegistryTagCommand(DockerCredentialStore store, RegistryClient client)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _client = client ?? throw new ArgumentNullException(nameof(client));
        }

        /// <summary>Only tags matching these (wildcards allowed); all when empty.</summary>
        public IReadOnlyList<string>? Tag { get; set; }

        public RegistryCredential? Credential { get; set; }

        /// <summary>Lists the tags of each named repository; a tag or digest in a name is ignored (the repository's tags are listed).</summary>
        public async Task ExecuteAsync(IEnumerable<string> names, ICommandOutput output, CancellationToken cancellationToken)
        {
            Wildcard[] patterns = (Tag ?? Array.Empty<string>()).Select(tag => new Wildcard(tag)).ToArray();
            foreach (string name in names)
            {
                try
                {
                    ImageReference reference = ImageNameArgument.Parse(name, "Name");
                    string registry = RegistryServerAddress.ToDisplayName(RegistryServerAddress.Normalize(reference.Registry));
                    RegistryCredential? credential = await RegistryCredentialChoice.ChooseAsync(Credential, _store, reference.Registry, output, cancellationToken);
                    // The client itself confines plain HTTP to loopback registries, as the engine's default insecure range does.
                    IReadOnlyList<string> tags = await _client.ListTagsAsync(reference.Registry, reference.Path, credential, allowInsecure: true, cancellationToken);
                    foreach (string tag in tags.Where(tag => patterns.Length == 0 || patterns.Any(pattern => pattern.IsMatch(tag))))
                    {
                        output.WriteObject(new ContainerRegistryTag(registry, reference.FamiliarRepository, tag));
                    }
                }
                catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
                {
                    output.WriteError(ErrorClassifier.Classify(e, name, "Image"));
                }
            }
        }
    }
}
