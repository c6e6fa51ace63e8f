using System.Collections;
using Containers.Engine.CredentialStore;
using Containers.Engine.Credentials;
using Containers.Engine.Endpoints;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Engine.References;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Text;

namespace Containers.Commands.Images
{
    /// <summary>
    /// Find-ContainerImage: docker search, through the engine's <c>/images/search</c>. The engine asks the registry's
    /// search index: Docker Hub's, unless the term starts with another registry's host (<c>registry:5000/app</c>), whose
    /// stored login is sent along.
    /// </summary>
    public sealed class FindImageCommand
    {
        private readonly DockerCredentialStore _store;

        public FindImageCommand(DockerCredentialStore store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        public string Term { get; set; } = string.Empty;

        /// <summary>At most this many results (the engine allows 1 to 100; it gives 25 when not told).</summary>
        public int? Limit { get; set; }

        /// <summary>The engine's search filters: <c>stars</c> (at least), <c>is-official</c>, <c>is-automated</c>.</summary>
        public IDictionary? Filter { get; set; }

        public async Task ExecuteAsync(ContainerEngine engine, ICommandOutput output, CancellationToken cancellationToken)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(Term))
                {
                    throw new InvalidParameterException("Term", Term, "A search term cannot be empty.");
                }

                string registry = RegistryOf(Term);
                RegistryCredential? credential = null;
                try
                {
                    credential = await _store.GetAsync(registry, cancellationToken);
                }
                catch (CredentialStoreException e)
                {
                    // A search rarely needs a login; a broken store should not stop one.
                    output.WriteWarning($"The stored login for {registry} cannot be read, so the search is anonymous: {e.Message}");
                }

                List<ImageSearchResult> hits;
                try
                {
                    hits = await engine.Client.Images.SearchAsync(Term, Limit, ReadFilters(), RegistryAuthHeader.Encode(credential, registry), cancellationToken);
                }
                catch (EngineServerException e)
                {
                    // The engine relays the registry's failure in a few words ("Unexpected status code 404"): say what was searched.
                    output.WriteError(new CommandError(
                        "ImageSearchFailed", ErrorClassifier.Classify(e, Term, "Image").Kind, $"The engine could not search {registry} for '{Term}': {e.Message}", Term, e,
                        registry == ImageReference.DockerHub ? null : "Few registries other than Docker Hub offer a search index; list a repository's tags with Get-ContainerRegistryTag instead."));
                    return;
                }

                foreach (ImageSearchResult hit in hits)
                {
                    output.WriteObject(ContainerImageSearchResult.From(hit, registry));
                }
            }
            catch (Exception e) when (ErrorClassifier.IsPerTarget(e))
            {
                output.WriteError(ErrorClassifier.Classify(e, Term, "Image"));
            }
        }

        /// <summary>The registry a term searches: its first part when that is a registry host, as references read; else Docker Hub.</summary>
        public static string RegistryOf(string term)
        {
            int slash = term.IndexOf('/');
            if (slash > 0)
            {
                string first = term.Substring(0, slash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost")
                {
                    return first;
                }
            }

            return ImageReference.DockerHub;
        }

        private Filters? ReadFilters()
        {
            if (Filter == null)
            {
                return null;
            }

            var filters = new Filters();
            foreach (DictionaryEntry entry in Filter)
            {
                string name = Convert.ToString(PlainValues.Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Trim().Length == 0)
                {
                    throw new InvalidParameterException("Filter", entry.Key, "A filter name is empty.");
                }

                filters.AddRange(name, PlainValues.ToStrings(entry.Value));
            }

            return filters.IsEmpty ? null : filters;
        }
    }
}
