import Bargaining
