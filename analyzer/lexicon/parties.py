"""Party roles: the defined terms contracts use for the parties ("Supplier", "Client").

An obligation's actor, an alias in the preamble and a subject phrase are resolved against
the same role words, so "Service Provider shall" and "("Service Provider")" name one party.
"""

from __future__ import annotations

__all__ = ["PARTY_ROLES"]

# Multi-word roles first, so "Service Provider" wins over "Provider".
PARTY_ROLES: tuple[str, ...] = (
    "Service Provider", "Client", "Customer", "Supplier", "Vendor", "Provider", "Contractor",
    "Subcontractor", "Company", "Buyer", "Seller", "Purchaser", "Licensor", "Licensee",
    "Distributor", "Consultant", "Bank", "Agency", "Outsourcer", "Reseller", "Manufacturer",
    "Franchisee", "Franchisor", "Employer", "Partner", "Agent", "Recipient", "Discloser",
    "Owner", "Operator",
)
