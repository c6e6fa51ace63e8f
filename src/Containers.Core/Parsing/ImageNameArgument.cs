using Containers.Engine.References;
using Containers.Errors;

namespace Containers.Parsing
{
    /// <summary>An image reference as a parameter gives it, checked before anything is sent: a malformed one is an InvalidArgument error naming it.</summary>
    public static class ImageNameArgument
    {
        /// <exception cref="InvalidParameterException">The text is not an image reference; the message says why.</exception>
        public static ImageReference Parse(string text, string parameterName)
        {
            if (!ImageReference.TryParse(text, out ImageReference? reference, out string? problem))
            {
                throw new InvalidParameterException(parameterName, text, problem ?? $"'{text}' is not a valid image reference.");
            }

            return reference!;
        }

        /// <summary>A reference that names a tag: a push or a build's -Tag cannot take a digest.</summary>
        /// <exception cref="InvalidParameterException">The text is malformed or holds a digest.</exception>
        public static ImageReference ParseTagged(string text, string parameterName, string purpose)
        {
            ImageReference reference = Parse(text, parameterName);
            if (reference.Digest != null)
            {
                throw new InvalidParameterException(parameterName, text, $"'{text}' names a digest; {purpose} takes repository:tag.");
            }

            return reference;
        }
    }
}
