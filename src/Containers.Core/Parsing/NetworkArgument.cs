using System.Globalization;
using Containers.Errors;
using Containers.Models;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// A -Network value: a name or id, or a ContainerNetwork object as Get-ContainerNetwork and New-ContainerNetwork
    /// return it (PowerShell may hand it over wrapped), which stands for its name.
    /// </summary>
    public static class NetworkArgument
    {
        /// <exception cref="InvalidParameterException">The value is empty, or neither text nor a network.</exception>
        public static string NameOf(object? value, string parameterName)
        {
            object? plain = PlainValues.Unwrap(value);
            string? name = plain switch
            {
                ContainerNetwork network => network.Name.Length > 0 ? network.Name : network.Id,
                string text => text.Trim(),
                null => null,
                _ when plain.GetType().IsPrimitive => Convert.ToString(plain, CultureInfo.InvariantCulture),
                _ => throw new InvalidParameterException(parameterName, value,
                    $"-{parameterName} takes a network name or id, or a network object from Get-ContainerNetwork, not a {plain.GetType().Name}."),
            };

            if (string.IsNullOrEmpty(name))
            {
                throw new InvalidParameterException(parameterName, value, "The network name is empty.");
            }

            return name!;
        }
    }
}
