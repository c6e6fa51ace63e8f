using Containers.Engine.References;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>
    /// New names for images (a tag target, a commit's repository), checked and normalised before anything is sent, so a
    /// malformed one is an InvalidArgument error naming it and nothing is left half done.
    /// </summary>
    public static class ImageNames
    {
        /// <summary>REPOSITORY[:TAG] as a name to give an image: the tag defaults to latest; a digest cannot be given.</summary>
        /// <exception cref="InvalidParameterException">The name is malformed or carries a digest.</exception>
        public static ImageReference ParseNewName(string text, string parameterName)
        {
            if (!ImageReference.TryParse(text, out ImageReference? reference, out string? problem))
            {
                throw new InvalidParameterException(parameterName, text, problem!);
            }

            if (reference!.Digest != null)
            {
                throw new InvalidParameterException(parameterName, text,
                    $"'{text}' names a digest; an image can be given a repository and tag, not a digest.");
            }

            return reference;
        }

        /// <summary>
        /// A repository and a separate tag, as docker commit's REPOSITORY[:TAG] with -Tag beside it: the tag may be in
        /// either place, not both.
        /// </summary>
        /// <exception cref="InvalidParameterException">Either is malformed, or the tag is given twice.</exception>
        public static ImageReference ParseRepositoryAndTag(string repository, string? tag, string repositoryParameter, string tagParameter)
        {
            ImageReference named = ParseNewName(repository, repositoryParameter);
            if (string.IsNullOrEmpty(tag))
            {
                return named;
            }

            if (HasTag(repository))
            {
                throw new InvalidParameterException(tagParameter, tag,
                    $"The tag is given twice: '{repository}' already has one, and -{tagParameter} says '{tag}'. Give it in one place.");
            }

            return ParseNewName(named.FamiliarRepository + ":" + tag, tagParameter);
        }

        // A tag follows the last ':' after the last '/' (an earlier ':' is a registry port).
        private static bool HasTag(string text) => text.LastIndexOf(':') > text.LastIndexOf('/');
    }
}
