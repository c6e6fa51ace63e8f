using System;
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
                case decimal _:
                    decimal number = Convert.ToDecimal(plain, CultureInfo.InvariantCulture);
                    if (number != decimal.Truncate(number))
                    {
                        throw Invalid(parameterName, value, "a number of bytes must be whole");
                    }

                    return Checked(parameterName, value, number);
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
            if (digits.Length == 0 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            {
                throw Invalid(parameterName, text, "it does not start with a number");
            }

            decimal multiplier = Multiplier(unit);
            if (multiplier == 0)
            {
                throw Invalid(parameterName, text, $"'{unit}' is not a unit; use b, k, m, g, t or p (binary: 1k = 1024 bytes), optionally followed by b or ib");
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

        private static long Checked(string parameterName, object? value, decimal bytes)
        {
            if (bytes < 0)
            {
                throw Invalid(parameterName, value, "a size cannot be negative");
            }

            if (bytes > long.MaxValue)
            {
                throw Invalid(parameterName, value, "it is too large");
            }

            return (long)bytes;
        }

        private static bool IsInteger(object value) =>
            value is int || value is long || value is short || value is byte || value is uint || value is ulong || value is ushort || value is sbyte;

        private static InvalidParameterException Invalid(string parameterName, object? value, string reason) =>
            new InvalidParameterException(parameterName, value, $"The size '{PlainValues.Unwrap(value)}' given to -{parameterName} is not valid: {reason}.");
    }
}
