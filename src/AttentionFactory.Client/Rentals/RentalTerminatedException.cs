using Attention.Sdk;

namespace AttentionFactory.Rentals;

/// <summary>
/// A wait for activation ended because the rental reached a terminal status (refunded, cancelled, expired or released)
/// and can no longer become active. <see cref="Rental"/> is the last state seen.
/// </summary>
public class RentalTerminatedException : AttentionException
{
    /// <summary>Creates the exception for a rental in a terminal status.</summary>
    public RentalTerminatedException(Rental rental)
        : base(Describe(rental))
    {
        Rental = rental;
    }

    /// <summary>The rental as last seen.</summary>
    public Rental Rental { get; }

    /// <summary>The rental id.</summary>
    public string RentalId => Rental.Id;

    /// <summary>The terminal status reached.</summary>
    public RentalStatus Status => Rental.Status;

    private static string Describe(Rental rental)
    {
        ArgumentNullException.ThrowIfNull(rental);
        var why = rental.Status.Value switch
        {
            "refunded" => " Warming did not complete within the guarantee window; the credits were returned.",
            "cancelled" => " It was cancelled before activation; the credits were returned.",
            "expired" => " Its window closed; renew it to use the same account again.",
            "released" => " It was released early.",
            _ => string.Empty,
        };
        return $"Rental {rental.Id} is {rental.Status}; it can no longer become active.{why}";
    }
}
