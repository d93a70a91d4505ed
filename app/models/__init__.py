"""ORM models, one module per table. Importing this package registers them all on Base.metadata."""

from app.models.address_search import AddressSearch
from app.models.alimony_allocation import AlimonyAllocation
from app.models.alimony_award import AlimonyAward
from app.models.alimony_case import AlimonyCase
from app.models.alimony_case_step import AlimonyCaseStep
from app.models.alimony_correction import AlimonyCorrection
from app.models.alimony_enforcement import AlimonyEnforcement
from app.models.alimony_payout import AlimonyPayout
from app.models.alimony_recovery import AlimonyRecovery
from app.models.alimony_register_entry import AlimonyRegisterEntry
from app.models.alimony_write_off import AlimonyWriteOff
from app.models.audit_event import AuditEvent
from app.models.authority import Authority
from app.models.authority_commune import AuthorityCommune
from app.models.bank import BankLine, BankStatement
from app.models.base import Base
from app.models.control_proposal import ControlProposal
from app.models.counter import Counter
from app.models.debtor import Debtor
from app.models.debtor_change import DebtorChange
from app.models.debtor_name import DebtorName
from app.models.debtor_note import DebtorNote
from app.models.deferral import Deferral
from app.models.delivery import Delivery
from app.models.dispute import Dispute
from app.models.document import Document
from app.models.electronic_dispatch import ElectronicDispatch
from app.models.enforcement_report import EnforcementReport
from app.models.estate import EstateHeir, EstateWriteOff
from app.models.event import Event
from app.models.handoff import Handoff
from app.models.import_key import ImportKey
from app.models.instalment import Instalment
from app.models.login_throttle import LoginThrottle
from app.models.notice import Notice
from app.models.overpayment import Overpayment, OverpaymentSettlement
from app.models.parameter import Parameter
from app.models.payment import Payment
from app.models.rate_check import RateCheck
from app.models.receivable import Receivable
from app.models.receivable_amendment import ReceivableAmendment
from app.models.receivable_change import ReceivableChange
from app.models.receivable_kind import ReceivableKind
from app.models.receivable_tranche import ReceivableTranche
from app.models.retention import RetentionItem, RetentionList
from app.models.statement_book import BookEntry, KindBooking, ReceivableBook
from app.models.stored_file import StoredFile
from app.models.sweep_run import SweepRun
from app.models.teryt_locality import TerytLocality
from app.models.teryt_register import TerytRegister
from app.models.teryt_unit import TerytUnit
from app.models.unit import Unit
from app.models.unit_certificate import UnitCertificate
from app.models.user import User
from app.models.user_session import UserSession
from app.models.write_off import WriteOff

__all__ = [
    "Deferral",
    "EstateHeir",
    "EstateWriteOff",
    "RetentionItem",
    "RetentionList",
    "ControlProposal",
    "ImportKey",
    "AddressSearch",
    "Delivery",
    "ElectronicDispatch",
    "StoredFile",
    "UnitCertificate",
    "BankLine",
    "BankStatement",
    "AlimonyAllocation",
    "AlimonyAward",
    "AlimonyCase",
    "AlimonyCaseStep",
    "AlimonyCorrection",
    "AlimonyEnforcement",
    "AlimonyPayout",
    "AlimonyRecovery",
    "AlimonyRegisterEntry",
    "AlimonyWriteOff",
    "Authority",
    "AuthorityCommune",
    "Base",
    "Counter",
    "Debtor",
    "DebtorChange",
    "DebtorName",
    "DebtorNote",
    "Dispute",
    "Document",
    "EnforcementReport",
    "Event",
    "Handoff",
    "Instalment",
    "Notice",
    "Overpayment",
    "OverpaymentSettlement",
    "Parameter",
    "Payment",
    "RateCheck",
    "Receivable",
    "ReceivableAmendment",
    "ReceivableChange",
    "ReceivableKind",
    "ReceivableTranche",
    "SweepRun",
    "TerytLocality",
    "TerytRegister",
    "TerytUnit",
    "Unit",
    "User",
    "WriteOff",
    "AuditEvent",
    "LoginThrottle",
    "UserSession",
    "BookEntry",
    "KindBooking",
    "ReceivableBook",
]
