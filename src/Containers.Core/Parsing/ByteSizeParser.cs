using System.Globalization;
using Containers.Errors;
using Containers.Text;

namespace Containers.Parsing
{
    /// <summary>
    /// Sizes as users write them: a number of bytes (PowerShell's 512MB is already one), or docker's text form with
    /// binary units ('512m', '1.5g', '2GiB', '100k'). Docker reads 'm' as MiB, and so does PowerShell's MB.
    /// </summary>
    public static class ByteSizeParser
    {
        // The engine reads sizes as int64 bytes.
        private const decimal MaxBytes = long.MaxValue;
        private static readonly string TooLarge = $"it is too large (the engine takes at most {long.MaxValue} bytes, 8 EiB)";

        public static long Parse(object? value, string parameterName)
        {
            object? plain = PlainValues.Unwrap(value);
            switch (plain)
            {
                case null:
                    throw Invalid(parameterName, value, "no size was given");
                case string text:
                    return ParseText(text, parameterName);
                case double _:
                case float _:
                    // A double can be far beyond what a decimal (or the engine's int64) holds: 1e99, Infinity, NaN.
                    double floating = Convert.ToDouble(plain, CultureInfo.InvariantCulture);
                    if (double.IsNaN(floating))
                    {
                        throw Invalid(parameterName, value, "it is not a number");
                    }

                    if (floating < 0)
                    {
                        throw Invalid(parameterName, value, "a size cannot be negative");
                    }

                    if (floating >= (double)MaxBytes)
                    {
                        throw Invalid(parameterName, value, TooLarge);
                    }

                    return Whole(parameterName, value, Convert.ToDecimal(floating, CultureInfo.InvariantCulture));
                case decimal number:
                    return Whole(parameterName, value, number);
                case IConvertible convertible when IsInteger(plain):
                    return Checked(parameterName, value, convertible.ToDecimal(CultureInfo.InvariantCulture));
                default:
                    throw Invalid(parameterName, value, "give a number of bytes or text such as '512m' or '1g'");
            }
        }

        private static long ParseText(string text, string parameterName)
        {
            string trimmed = text.Trim();
            int end = 0;
            while (end < trimmed.Length && (char.IsDigit(trimmed[end]) || trimmed[end] == '.'))
            {
                end++;
            }

            string digits = trimmed.Substring(0, end);
            string unit = trimmed.Substring(end).Trim().ToLowerInvariant();
            if (trimmed.StartsWith("-", StringComparison.Ordinal))
            {
                throw Invalid(parameterName, text, "a size cannot be negative");
            }

            decimal multiplier = Multiplier(unit);
            if (digits.Length == 0 || (multiplier != 0 && !IsNumber(digits)))
            {
                throw Invalid(parameterName, text, "it does not start with a number");
            }

            if (multiplier == 0)
            {
                throw Invalid(parameterName, text, $"'{unit}' is not a unit; use b, k, m, g, t or p (binary: 1k = 1024 bytes), optionally followed by b or ib");
            }

            // More digits than a decimal holds, or a product past it ('99999999999999999999999G'), is past any size the
            // engine takes (int64 bytes) long before: say so rather than let the arithmetic overflow.
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number)
                || number > MaxBytes / multiplier)
            {
                throw Invalid(parameterName, text, TooLarge);
            }

            return Checked(parameterName, text, decimal.Truncate(number * multiplier));
        }

        private static decimal Multiplier(string unit)
        {
            string letter = unit.EndsWith("ib", StringComparison.Ordinal) ? unit.Substring(0, unit.Length - 2)
                : unit.EndsWith("b", StringComparison.Ordinal) ? unit.Substring(0, unit.Length - 1)
                : unit;
            switch (letter)
            {
                case "":
                    return unit.Length == 0 || unit == "b" ? 1 : 0;
                case "k":
                    return 1024m;
                case "m":
                    return 1024m * 1024;
                case "g":
                    return 1024m * 1024 * 1024;
                case "t":
                    return 1024m * 1024 * 1024 * 1024;
                case "p":
                    return 1024m * 1024 * 1024 * 1024 * 1024;
                default:
                    return 0;
            }
        }

        private static long Whole(string parameterName, object? value, decimal number)
        {
            if (number != decimal.Truncate(number))
            {
                throw Invalid(parameterName, value, "a number of bytes must be whole");
            }

            return Checked(parameterName, value, number);
        }

        private static long Checked(string parameterName, object? value, decimal bytes)
        {
            if (bytes < 0)
            {
                throw Invalid(parameterName, value, "a size cannot be negative");
            }

            if (bytes > MaxBytes)
            {
                throw Invalid(parameterName, value, TooLarge);
            }

            return (long)bytes;
        }

        // Digits with at most one decimal point: "1.2.3" is no number, however many digits it has.
        private static bool IsNumber(string digits) =>
            digits.IndexOf('.') == digits.LastIndexOf('.') && digits != ".";

        private static bool IsInteger(object value) =>
            value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is ushort || value is sbyte;

        private static InvalidParameterException Invalid(string parameterName, object? value, string reason) =>
            new InvalidParameterException(parameterName, value, $"The size '{Convert.ToString(PlainValues.Unwrap(value), CultureInfo.InvariantCulture)}' given to -{parameterName} is not valid: {reason}.");
    }
}
