"""Every table of the store, importable from one place (Alembic reads `Base.metadata` here)."""

from kam_desktop.store.models.accounts import Account, Contact, ProductCategory
from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, new_id
from kam_desktop.store.models.benefits import BenefitCatalogItem, BenefitGrant
from kam_desktop.store.models.documents import Document, DocumentFile
from kam_desktop.store.models.ledger import LedgerAllocation, LedgerEntry
from kam_desktop.store.models.numbering import AnnexBenefit, LocalDevice, NumberBlockLease, NumberingDevice
from kam_desktop.store.models.people import User
from kam_desktop.store.models.policy import ApprovalStep, CommercialPolicy, ExceptionRequest, PolicyCap
from kam_desktop.store.models.program import (
    EarningRule,
    GradeEvaluation,
    GradeOverride,
    ProgramConfig,
    ProgramGradeTerm,
)
from kam_desktop.store.models.sales import InvoiceLine, PotentialSlot, SalesMonth, SalesRollup
from kam_desktop.store.models.settlement import (
    ClawbackDue,
    LateFactRecord,
    LedgerAdjustment,
    MdfClaim,
    MdfFund,
    MdfFundTransfer,
    MdfProof,
    PayoutDocument,
    PeriodLock,
)
from kam_desktop.store.models.system import (
    AuditEntry,
    AuditLink,
    DataGeneration,
    FxRate,
    KpiSnapshot,
    LedgerLink,
    OutboxEntry,
    PortfolioSnapshot,
    Setting,
    SyncConflict,
    SyncState,
)

__all__ = [
    "Account", "AnnexBenefit", "AppendOnlyMixin", "ApprovalStep", "AuditEntry", "AuditLink", "Base", "BenefitCatalogItem",
    "BenefitGrant", "ClawbackDue", "CommercialPolicy", "Contact", "DataGeneration", "Document", "DocumentFile", "EarningRule", "KpiSnapshot",
    "ExceptionRequest", "FxRate", "GradeEvaluation", "GradeOverride", "InvoiceLine", "LateFactRecord",
    "LedgerAdjustment", "LedgerAllocation", "LedgerEntry", "LedgerLink", "LocalDevice", "MdfClaim", "MdfFund", "MdfFundTransfer",
    "MdfProof", "NumberBlockLease", "NumberingDevice", "OutboxEntry", "PayoutDocument", "PeriodLock", "PolicyCap", "PortfolioSnapshot",
    "PotentialSlot", "SalesMonth", "SalesRollup", "ProductCategory", "ProgramConfig",
    "ProgramGradeTerm", "Setting", "SyncConflict", "SyncState", "SyncedMixin", "User", "new_id",
]
