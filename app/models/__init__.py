"""ORM models, one module per table. Importing this package registers them all on Base.metadata."""

from app.models.base import Base
from app.models.counter import Counter
from app.models.debtor import Debtor
from app.models.document import Document
from app.models.event import Event
from app.models.instalment import Instalment
from app.models.parameter import Parameter
from app.models.payment import Payment
from app.models.receivable import Receivable
from app.models.receivable_kind import ReceivableKind
from app.models.sweep_run import SweepRun
from app.models.user import User
from app.models.write_off import WriteOff

__all__ = [
    "Base",
    "Counter",
    "Debtor",
    "Document",
    "Event",
    "Instalment",
    "Parameter",
    "Payment",
    "Receivable",
    "ReceivableKind",
    "SweepRun",
    "User",
    "WriteOff",
]
