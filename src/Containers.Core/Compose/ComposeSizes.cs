using Containers.Errors;
using Containers.Parsing;

namespace Containers.Compose
{
    /// <summary>Byte sizes in a compose file ("512m", "1gb", 1073741824), read by the module's one size parser.</summary>
    internal static class ComposeSizes
    {
        public static long? Bytes(ComposeNode? node)
        {
            string? text = ComposeValues.Text(node);
            if (text == null)
            {
                return null;
            }

            try
            {
                return ByteSizeParser.Parse(text, node!.Path);
            }
            catch (InvalidParameterException e)
            {
                throw node!.Error(e.Reason);
            }
        }
    }
}
